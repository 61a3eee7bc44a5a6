namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>SQL of the dark-launch row capture (migration 0009_dark_launch_capture.sql).</summary>
public static class WriteCaptureSql
{
    /// <summary>Transaction-local: ends with the transaction, so a pooled connection never keeps capturing.</summary>
    public const string Enable = "SELECT set_config('cameramonitor.capture_writes', 'on', true)";

    /// <summary>
    /// Reads and removes this transaction's captured rows. txid_current_if_assigned() is null when the
    /// transaction wrote nothing, which then matches no row and assigns no transaction id.
    /// </summary>
    public const string Collect = """
        DELETE FROM dark_launch_captured_writes WHERE txid = txid_current_if_assigned()
        RETURNING seq, table_name, operation, row_key::text, row_image::text
        """;
}

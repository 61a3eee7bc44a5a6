namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>The SQL both camera paths read with, so the two agree on columns and order by construction.</summary>
public static class CameraRows
{
    /// <summary>The columns a write supplies (the version is the database's).</summary>
    public const string Columns = "id, name, location, source_url, enabled, status, created_at, updated_at, created_by, updated_by";

    /// <summary>What a read returns: <see cref="Columns"/> and the version, in the order of CameraDto and CameraRow.</summary>
    public const string ReadColumns = Columns + ", version";

    public const string SelectColumns = "SELECT " + ReadColumns + " FROM cameras";
}

namespace CameraMonitor.Infrastructure.Legacy;

/// <summary>The "Legacy" section: bounds on the legacy transaction scripts.</summary>
public sealed class LegacyReadOptions
{
    public const string SectionName = "Legacy";

    /// <summary>
    /// A legacy read (query) whose SQL statement runs longer than this is cancelled by PostgreSQL and answered
    /// 503: the legacy scripts scan raw rows and grow with the data. 0 turns the bound off.
    /// </summary>
    public int StatementTimeoutSeconds { get; set; } = 30;
}

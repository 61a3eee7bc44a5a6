namespace CameraMonitor.Domain.Common;

public static class TimeProviderExtensions
{
    /// <summary>
    /// Now, truncated to PostgreSQL's microsecond precision, so a value held in memory equals the value
    /// read back from the database (both paths must answer the same timestamp).
    /// </summary>
    public static DateTimeOffset UtcNowForStorage(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}

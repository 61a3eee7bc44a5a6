namespace CameraMonitor.Domain.Common;

public static class TimeProviderExtensions
{
    /// <summary>
    /// Now, truncated to PostgreSQL's microsecond precision, so a value held in memory equals the value
    /// read back from the database (both paths must answer the same timestamp).
    /// </summary>
    public static DateTimeOffset UtcNowForStorage(this TimeProvider clock) => clock.GetUtcNow().ToStoragePrecision();

    /// <summary>Rounded down to PostgreSQL's microseconds: the value the database will hold.</summary>
    public static DateTimeOffset ToStoragePrecision(this DateTimeOffset value) =>
        value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMicrosecond));

    /// <summary>
    /// Rounded down to PostgreSQL's microseconds, keeping the kind. Rounding here rather than leaving it to the driver
    /// keeps values before 2000 right too (the driver rounds those toward the epoch, i.e. up).
    /// </summary>
    public static DateTime ToStoragePrecision(this DateTime value) =>
        value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMicrosecond));
}

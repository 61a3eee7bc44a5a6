namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>Database:* settings: the in-service retry of conflicting transactions, and what a 503 tells the client.</summary>
public sealed class DatabaseFaultOptions
{
    public const string SectionName = "Database";

    /// <summary>Extra attempts after the first (0: none). Bounded so a hot row cannot hold a request for long.</summary>
    public int ConflictRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential, jittered backoff between attempts.</summary>
    public int ConflictRetryDelayMilliseconds { get; set; } = 20;

    /// <summary>Retry-After (seconds) of a 503 answer to a transient database fault.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}

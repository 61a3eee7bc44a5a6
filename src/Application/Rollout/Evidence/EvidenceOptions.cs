namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>The "Rollout:Evidence" configuration section: how this instance publishes its evidence and how reports read it.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Rollout:Evidence";

    /// <summary>
    /// The id this instance publishes its slices under. Default: host name, process id and process start time
    /// (<c>host:pid:yyyyMMddTHHmmss</c>), unique per process and stable for its life; set it to keep one id across restarts.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>Seconds between two publishes (a slice covers one interval); also the heartbeat period.</summary>
    public double PublishIntervalSeconds { get; set; } = 5;

    /// <summary>Slices older than this are deleted (by whichever instance publishes).</summary>
    public double RetentionHours { get; set; } = 48;

    /// <summary>Unsent slice rows kept while the database is unreachable; beyond it the oldest are dropped and counted.</summary>
    public int MaxPendingRows { get; set; } = 20_000;

    /// <summary>Window of the reports when the caller gives none (query parameter window_minutes).</summary>
    public double DefaultWindowMinutes { get; set; } = 15;

    /// <summary>An instance that has not published for this many of its publish intervals is reported silent.</summary>
    public double SilentAfterIntervals { get; set; } = 3;
}

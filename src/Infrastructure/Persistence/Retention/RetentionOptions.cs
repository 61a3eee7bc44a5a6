namespace CameraMonitor.Infrastructure.Persistence.Retention;

/// <summary>
/// The "Retention" section: how long detections, violations and rollups are kept, and how the daily partitions
/// of <c>detection_records</c> and <c>violations</c> are maintained (docs/operations.md, "Retention and partitions").
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Detection records and violations older than this many days are dropped with their partitions; 0 keeps them forever.</summary>
    public int Days { get; set; }

    /// <summary>
    /// Hourly and daily rollups older than this many days are deleted; unset follows <see cref="Days"/>, 0 keeps them
    /// forever. Never shorter than <see cref="Days"/>: statistics must not lose hours whose raw rows are still kept.
    /// </summary>
    public int? RollupDays { get; set; }

    /// <summary>Daily partitions are made this many days ahead of today (UTC), so ingest never waits on one.</summary>
    public int PartitionsAheadDays { get; set; } = 7;

    /// <summary>How often this instance maintains the partitions; 0 turns maintenance off on this instance.</summary>
    public int MaintenanceIntervalMinutes { get; set; } = 60;

    /// <summary>How long a partition change may wait for its lock before it gives up until the next run (lock_timeout).</summary>
    public int LockTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>The rollup retention in effect: <see cref="RollupDays"/> when set, else <see cref="Days"/>.</summary>
    public int EffectiveRollupDays => RollupDays ?? Days;

    public bool IsValid => Days is >= 0 and <= 36500
                           && RollupDays is null or (>= 0 and <= 36500)
                           && (EffectiveRollupDays == 0 || (Days > 0 && EffectiveRollupDays >= Days))
                           && PartitionsAheadDays is >= 1 and <= 90
                           && MaintenanceIntervalMinutes is >= 0 and <= 1440
                           && LockTimeoutMilliseconds is >= 10 and <= 60000;

    public const string ValidationMessage =
        "Retention:Days must be 0–36500, Retention:RollupDays 0–36500 (0: keep forever; otherwise not below a non-zero Retention:Days), "
        + "Retention:PartitionsAheadDays 1–90, Retention:MaintenanceIntervalMinutes 0–1440 and Retention:LockTimeoutMilliseconds 10–60000.";
}

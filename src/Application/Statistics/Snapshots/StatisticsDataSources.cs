namespace CameraMonitor.Application.Statistics.Snapshots;

/// <summary>The values of X-Data-Source on the statistics answers.</summary>
public static class StatisticsDataSources
{
    /// <summary>A stored answer, computed earlier from the rollups (its age says how much earlier).</summary>
    public const string Snapshot = "snapshot";

    /// <summary>Computed for this request from the hourly/daily rollups (the domain path).</summary>
    public const string Rollups = "rollups";

    /// <summary>Computed for this request from the detection and violation rows (the legacy path).</summary>
    public const string Raw = "raw";

    public static IReadOnlyList<string> All { get; } = [Snapshot, Rollups, Raw];
}

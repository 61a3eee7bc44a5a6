namespace CameraMonitor.Application.Statistics.Snapshots;

/// <summary>Configuration section "Snapshots" (docs/operations.md, "Snapshots").</summary>
public sealed class SnapshotOptions
{
    public const string SectionName = "Snapshots";

    /// <summary>Off: the domain path answers every statistics request from the rollups, as before.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>At most this many snapshots (one per query and parameters) are kept per instance; the oldest go first.</summary>
    public int MaxEntries { get; set; } = 256;

    /// <summary>Limits per query, by endpoint name (GetStatisticsSummary, GetDailyStatistics); others get the defaults.</summary>
    public Dictionary<string, SnapshotLimits> Queries { get; set; } = new(StringComparer.Ordinal);

    public SnapshotLimits LimitsOf(string query) => Queries.TryGetValue(query, out var limits) ? limits : new SnapshotLimits();

    public bool IsValid() =>
        MaxEntries is >= 1 and <= 100_000 && Queries.Values.All(limits => limits.IsValid());
}

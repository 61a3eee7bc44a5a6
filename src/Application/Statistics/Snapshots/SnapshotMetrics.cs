using System.Diagnostics.Metrics;

namespace CameraMonitor.Application.Statistics.Snapshots;

/// <summary>OpenTelemetry instruments of the statistics snapshots, tagged by query (endpoint name) and outcome.</summary>
public sealed class SnapshotMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.Snapshots";

    /// <summary>Lookup outcomes: served fresh, served stale (a refresh runs), missing, too old, or bypassed (shadow run, switched off).</summary>
    public const string Hit = "hit";
    public const string Stale = "stale";
    public const string Miss = "miss";
    public const string Expired = "expired";
    public const string Bypassed = "bypassed";

    private readonly Meter _meter;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _refreshes;
    private readonly Histogram<double> _refreshDuration;

    public SnapshotMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _lookups = _meter.CreateCounter<long>("cameramonitor.snapshot.lookups",
            description: "Statistics requests by how the snapshot served them: hit, stale, miss, expired, bypassed.");
        _refreshes = _meter.CreateCounter<long>("cameramonitor.snapshot.refreshes",
            description: "Snapshot refreshes run (one per query and parameters at a time), by outcome: ok or failed.");
        _refreshDuration = _meter.CreateHistogram<double>("cameramonitor.snapshot.refresh.duration", unit: "ms",
            description: "Time one snapshot refresh took (the rollup query).");
    }

    public void RecordLookup(string query, string outcome) =>
        _lookups.Add(1, new("query", query), new("outcome", outcome));

    public void RecordRefresh(string query, bool failed, double milliseconds)
    {
        _refreshes.Add(1, new("query", query), new("outcome", failed ? "failed" : "ok"));
        _refreshDuration.Record(milliseconds, new KeyValuePair<string, object?>("query", query));
    }

    public void Dispose() => _meter.Dispose();
}

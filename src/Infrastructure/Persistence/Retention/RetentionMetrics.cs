using System.Diagnostics.Metrics;

namespace CameraMonitor.Infrastructure.Persistence.Retention;

/// <summary>Counters of what partition maintenance did, tagged by table (and, for failures, by nothing).</summary>
public sealed class RetentionMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.Retention";

    private readonly Meter _meter;
    private readonly Counter<long> _created;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _deletedRows;
    private readonly Counter<long> _failures;

    public RetentionMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _created = _meter.CreateCounter<long>("cameramonitor.retention.partitions.created", description: "Daily partitions made ahead.");
        _dropped = _meter.CreateCounter<long>("cameramonitor.retention.partitions.dropped", description: "Partitions detached and dropped by retention.");
        _deletedRows = _meter.CreateCounter<long>("cameramonitor.retention.rows.deleted",
            description: "Rows deleted by range: the default partition's old rows and expired rollups.");
        _failures = _meter.CreateCounter<long>("cameramonitor.retention.failures", description: "Maintenance runs that failed and wait for the next interval.");
    }

    public void Created(string table) => _created.Add(1, new KeyValuePair<string, object?>("table", table));

    public void Dropped(string table) => _dropped.Add(1, new KeyValuePair<string, object?>("table", table));

    public void Deleted(string table, long rows) => _deletedRows.Add(rows, new KeyValuePair<string, object?>("table", table));

    public void Failed() => _failures.Add(1);

    public void Dispose() => _meter.Dispose();
}

using System.Diagnostics.Metrics;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>OpenTelemetry counters of the write-path dark launch, tagged by endpoint (a meter of its own).</summary>
public sealed class DarkLaunchMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.DarkLaunch";

    private readonly Meter _meter;
    private readonly Counter<long> _sampled;
    private readonly Counter<long> _mismatches;
    private readonly Counter<long> _shadowFailures;

    public DarkLaunchMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _sampled = _meter.CreateCounter<long>("cameramonitor.darklaunch.sampled", description: "Commands also run on the other path, rolled back.");
        _mismatches = _meter.CreateCounter<long>("cameramonitor.darklaunch.mismatches", description: "Samples whose responses or rows differed.");
        _shadowFailures = _meter.CreateCounter<long>("cameramonitor.darklaunch.shadow_failures", description: "Shadow runs that failed or timed out.");
    }

    public void RecordSampled(string endpoint) => _sampled.Add(1, Tag(endpoint));

    public void RecordMismatch(string endpoint) => _mismatches.Add(1, Tag(endpoint));

    public void RecordShadowFailure(string endpoint) => _shadowFailures.Add(1, Tag(endpoint));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string endpoint) => new("endpoint", endpoint);
}

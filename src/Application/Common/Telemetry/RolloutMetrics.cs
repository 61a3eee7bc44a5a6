using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CameraMonitor.Application.Common.Telemetry;

/// <summary>
/// OpenTelemetry instruments of the rollout, tagged by endpoint and path. "Path" is the implementation
/// that ran, so a failed domain attempt that a fallback hid from the caller still counts as a domain error.
/// </summary>
public sealed class RolloutMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.Rollout";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _duration;

    public RolloutMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("cameramonitor.rollout.requests", description: "Attempts per endpoint and path.");
        _errors = _meter.CreateCounter<long>("cameramonitor.rollout.errors", description: "Attempts that failed with a non-business error.");
        _fallbacks = _meter.CreateCounter<long>("cameramonitor.rollout.fallbacks", description: "Domain failures answered by legacy.");
        _duration = _meter.CreateHistogram<double>("cameramonitor.rollout.duration", unit: "ms", description: "Handler latency per endpoint and path.");
    }

    public event Action<string, string, double, bool>? AttemptRecorded;

    public void RecordAttempt(string endpoint, string path, double milliseconds, bool failed)
    {
        var tags = new TagList { { "endpoint", endpoint }, { "path", path } };
        _requests.Add(1, tags);
        _duration.Record(milliseconds, tags);
        if (failed)
        {
            _errors.Add(1, tags);
        }

        AttemptRecorded?.Invoke(endpoint, path, milliseconds, failed);
    }

    public void RecordFallback(string endpoint) => _fallbacks.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));

    public void Dispose() => _meter.Dispose();
}

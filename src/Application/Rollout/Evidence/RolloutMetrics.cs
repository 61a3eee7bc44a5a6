using System.Diagnostics;
using System.Diagnostics.Metrics;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// OpenTelemetry instruments of the rollout, tagged by endpoint and path. "Path" is the implementation
/// that ran, so a failed domain attempt that a fallback hid from the caller still counts as a domain error.
/// Every attempt also goes to the <see cref="EvidenceRecorder"/>, whose slices every instance publishes to
/// PostgreSQL: the operator's reports and the plans read the cluster's sum from there, not this process's counts.
/// </summary>
public sealed class RolloutMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.Rollout";

    private readonly EvidenceRecorder _evidence;
    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _fallbacks;
    private static readonly string[] AllPaths = [ServedPath.Domain.ToName(), ServedPath.Legacy.ToName(), ServedPath.LegacyFallback.ToName()];

    private readonly Counter<long> _mismatches;
    private readonly Counter<long> _paritySamples;
    private readonly Counter<long> _droppedSamples;
    private readonly Counter<long> _budgetSkipped;
    private readonly Histogram<double> _duration;

    public RolloutMetrics(IMeterFactory meterFactory, EvidenceRecorder evidence)
    {
        _evidence = evidence;
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("cameramonitor.rollout.requests", description: "Attempts per endpoint and path.");
        _errors = _meter.CreateCounter<long>("cameramonitor.rollout.errors", description: "Attempts that failed with a non-business error.");
        _fallbacks = _meter.CreateCounter<long>("cameramonitor.rollout.fallbacks", description: "Domain failures answered by legacy.");
        _mismatches = _meter.CreateCounter<long>("cameramonitor.rollout.parity.mismatches", description: "Parity samples whose responses differed.");
        _paritySamples = _meter.CreateCounter<long>("cameramonitor.rollout.parity.compared", description: "Parity samples compared.");
        _droppedSamples = _meter.CreateCounter<long>("cameramonitor.rollout.parity.dropped", description: "Parity samples dropped: queue full.");
        _budgetSkipped = _meter.CreateCounter<long>("cameramonitor.rollout.parity.budget_skipped",
            description: "Parity samples skipped: the parity budget (Parity:Budget) had no token.");
        _duration = _meter.CreateHistogram<double>("cameramonitor.rollout.duration", unit: "ms", description: "Handler latency per endpoint and path.");
    }

    public EvidenceRecorder Evidence => _evidence;

    /// <summary>
    /// Creates every counter series of <paramref name="endpoint"/> at 0 (requests and errors per path, fallbacks and
    /// parity per endpoint), so a dashboard or an alert sees "zero" rather than "absent" before the first event.
    /// </summary>
    public void InitializeSeries(string endpoint)
    {
        foreach (var path in AllPaths)
        {
            var tags = new TagList { { "endpoint", endpoint }, { "path", path } };
            _requests.Add(0, tags);
            _errors.Add(0, tags);
        }

        var tag = new KeyValuePair<string, object?>("endpoint", endpoint);
        _fallbacks.Add(0, tag);
        _mismatches.Add(0, tag);
        _paritySamples.Add(0, tag);
        _droppedSamples.Add(0, tag);
        _budgetSkipped.Add(0, tag);
    }

    /// <param name="group">How the path was chosen (<see cref="RouteGroups"/>): the percentage split or a steering rule.</param>
    public void RecordAttempt(string endpoint, string path, string group, double milliseconds, bool failed)
    {
        var tags = new TagList { { "endpoint", endpoint }, { "path", path } };
        _requests.Add(1, tags);
        _duration.Record(milliseconds, tags);
        if (failed)
        {
            _errors.Add(1, tags);
        }

        _evidence.RecordAttempt(endpoint, path, group, milliseconds, failed);
    }

    public void RecordFallback(string endpoint) => _fallbacks.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));

    public void RecordParityCompared(string endpoint, bool matched)
    {
        var tag = new KeyValuePair<string, object?>("endpoint", endpoint);
        _paritySamples.Add(1, tag);
        if (!matched)
        {
            _mismatches.Add(1, tag);
        }
    }

    /// <summary>A query drew a parity sample; <paramref name="skippedForBudget"/> when the parity budget refused it.</summary>
    public void RecordParitySampled(string endpoint, bool skippedForBudget)
    {
        if (skippedForBudget)
        {
            _budgetSkipped.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
        }

        _evidence.RecordComparison(endpoint, ComparisonKinds.Parity, ComparisonKinds.Sampling, samples: 1, skipped: skippedForBudget ? 1 : 0);
    }

    public void RecordDroppedSample(string endpoint)
    {
        _droppedSamples.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
        _evidence.RecordComparison(endpoint, ComparisonKinds.Parity, ComparisonKinds.WholeSample, skipped: 1);
    }

    public void Dispose() => _meter.Dispose();
}

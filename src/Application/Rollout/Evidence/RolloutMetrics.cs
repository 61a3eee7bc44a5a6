using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// OpenTelemetry instruments of the rollout, tagged by endpoint and path. "Path" is the implementation
/// that ran, so a failed domain attempt that a fallback hid from the caller still counts as a domain error.
/// Every attempt also goes to the <see cref="EvidenceRecorder"/>, whose slices every instance publishes to
/// PostgreSQL: the operator's reports and the plans read the cluster's sum from there, not this process's counts.
/// The request and error counters are observed from the recorder's lifetime totals when metrics are collected rather than
/// added to per request: an attempt then costs one histogram recording besides the evidence (docs/performance.md, "Hot path").
/// </summary>
public sealed class RolloutMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.Rollout";

    private readonly EvidenceRecorder _evidence;
    private readonly Meter _meter;
    private readonly Counter<long> _fallbacks;
    private static readonly string[] AllPaths = [ServedPath.Domain.ToName(), ServedPath.Legacy.ToName(), ServedPath.LegacyFallback.ToName()];

    private readonly Counter<long> _mismatches;
    private readonly Counter<long> _paritySamples;
    private readonly Counter<long> _droppedSamples;
    private readonly Counter<long> _budgetSkipped;
    private readonly Histogram<double> _duration;

    // Endpoints whose request and error series are reported (at 0) before their first attempt.
    private readonly ConcurrentDictionary<string, bool> _initialized = new();

    public RolloutMetrics(IMeterFactory meterFactory, EvidenceRecorder evidence)
    {
        _evidence = evidence;
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableCounter("cameramonitor.rollout.requests", () => ObserveTotals(errors: false),
            description: "Attempts per endpoint and path.");
        _meter.CreateObservableCounter("cameramonitor.rollout.errors", () => ObserveTotals(errors: true),
            description: "Attempts that failed with a non-business error.");
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
        _initialized[endpoint] = true;
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
        _duration.Record(milliseconds, new TagList { { "endpoint", endpoint }, { "path", path } });
        _evidence.RecordAttempt(endpoint, path, group, milliseconds, failed);
    }

    private IEnumerable<Measurement<long>> ObserveTotals(bool errors)
    {
        var totals = _evidence.Totals();
        var series = totals.Keys.Concat(_initialized.Keys.SelectMany(endpoint => AllPaths.Select(path => (endpoint, path)))).Distinct();
        foreach (var (endpoint, path) in series)
        {
            var (requests, failures) = totals.GetValueOrDefault((endpoint, path));
            yield return new Measurement<long>(errors ? failures : requests,
                new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("path", path));
        }
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

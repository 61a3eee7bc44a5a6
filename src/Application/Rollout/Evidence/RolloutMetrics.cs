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
/// The per-endpoint event counters (fallbacks, parity) are observed too, from <see cref="EndpointEventCounts"/>: an
/// observed series exists from the moment its endpoint is counted, whereas a plain counter's zero added at start-up is
/// lost if no listener is attached yet (the cause of DashboardMetricsTests failing now and then).
/// </summary>
public sealed class RolloutMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.Rollout";

    private readonly EvidenceRecorder _evidence;
    private readonly Meter _meter;
    private static readonly string[] AllPaths = [ServedPath.Domain.ToName(), ServedPath.Legacy.ToName(), ServedPath.LegacyFallback.ToName()];

    private readonly Histogram<double> _duration;

    // Each endpoint's lifetime event counts, the fallback and parity counters' source; its keys are also the endpoints
    // whose request and error series are reported (at 0) before their first attempt.
    private readonly ConcurrentDictionary<string, EndpointEventCounts> _events = new(StringComparer.Ordinal);

    public RolloutMetrics(IMeterFactory meterFactory, EvidenceRecorder evidence)
    {
        _evidence = evidence;
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableCounter("cameramonitor.rollout.requests", () => ObserveTotals(errors: false),
            description: "Attempts per endpoint and path.");
        _meter.CreateObservableCounter("cameramonitor.rollout.errors", () => ObserveTotals(errors: true),
            description: "Attempts that failed with a non-business error.");
        ObserveEvents("cameramonitor.rollout.fallbacks", counts => Interlocked.Read(ref counts.Fallbacks), "Domain failures answered by legacy.");
        ObserveEvents("cameramonitor.rollout.parity.mismatches", counts => Interlocked.Read(ref counts.Mismatches), "Parity samples whose responses differed.");
        ObserveEvents("cameramonitor.rollout.parity.compared", counts => Interlocked.Read(ref counts.Compared), "Parity samples compared.");
        ObserveEvents("cameramonitor.rollout.parity.dropped", counts => Interlocked.Read(ref counts.Dropped), "Parity samples dropped: queue full.");
        ObserveEvents("cameramonitor.rollout.parity.budget_skipped", counts => Interlocked.Read(ref counts.SkippedForBudget),
            "Parity samples skipped: the parity budget (Parity:Budget) had no token.");
        _duration = _meter.CreateHistogram<double>("cameramonitor.rollout.duration", unit: "ms", description: "Handler latency per endpoint and path.");
    }

    public EvidenceRecorder Evidence => _evidence;

    /// <summary>
    /// Creates every counter series of <paramref name="endpoint"/> at 0 (requests and errors per path, fallbacks and
    /// parity per endpoint), so a dashboard or an alert sees "zero" rather than "absent" before the first event.
    /// </summary>
    public void InitializeSeries(string endpoint)
    {
        _ = EventsOf(endpoint);
    }

    /// <summary>
    /// One attempt: its duration in the histogram, and the attempt in the evidence (<paramref name="attempts"/>: the
    /// recorder's counters of the endpoint, path and routing group, which the caller keeps).
    /// </summary>
    public void RecordAttempt(AttemptCounter attempts, string endpoint, string path, double milliseconds, bool failed)
    {
        _duration.Record(milliseconds, new TagList { { "endpoint", endpoint }, { "path", path } });
        attempts.Record(milliseconds, failed);
    }

    private IEnumerable<Measurement<long>> ObserveTotals(bool errors)
    {
        var totals = _evidence.Totals();
        var series = totals.Keys.Concat(_events.Keys.SelectMany(endpoint => AllPaths.Select(path => (endpoint, path)))).Distinct();
        foreach (var (endpoint, path) in series)
        {
            var (requests, failures) = totals.GetValueOrDefault((endpoint, path));
            yield return new Measurement<long>(errors ? failures : requests,
                new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("path", path));
        }
    }

    public void RecordFallback(string endpoint) => Interlocked.Increment(ref EventsOf(endpoint).Fallbacks);

    public void RecordParityCompared(string endpoint, bool matched)
    {
        var counts = EventsOf(endpoint);
        Interlocked.Increment(ref counts.Compared);
        if (!matched)
        {
            Interlocked.Increment(ref counts.Mismatches);
        }
    }

    /// <summary>A query drew a parity sample; <paramref name="skippedForBudget"/> when the parity budget refused it.</summary>
    public void RecordParitySampled(string endpoint, bool skippedForBudget)
    {
        if (skippedForBudget)
        {
            Interlocked.Increment(ref EventsOf(endpoint).SkippedForBudget);
        }

        _evidence.RecordComparison(endpoint, ComparisonKinds.Parity, ComparisonKinds.Sampling, samples: 1, skipped: skippedForBudget ? 1 : 0);
    }

    public void RecordDroppedSample(string endpoint)
    {
        Interlocked.Increment(ref EventsOf(endpoint).Dropped);
        _evidence.RecordComparison(endpoint, ComparisonKinds.Parity, ComparisonKinds.WholeSample, skipped: 1);
    }

    private EndpointEventCounts EventsOf(string endpoint) => _events.GetOrAdd(endpoint, static _ => new EndpointEventCounts());

    private void ObserveEvents(string name, Func<EndpointEventCounts, long> count, string description) =>
        _meter.CreateObservableCounter(name, () => _events.Select(entry =>
            new Measurement<long>(count(entry.Value), new KeyValuePair<string, object?>("endpoint", entry.Key))),
            description: description);

    public void Dispose() => _meter.Dispose();

    /// <summary>One endpoint's lifetime counts of the rollout's events; fields, so that they can be counted atomically.</summary>
    private sealed class EndpointEventCounts
    {
        public long Fallbacks;
        public long Mismatches;
        public long Compared;
        public long Dropped;
        public long SkippedForBudget;
    }
}

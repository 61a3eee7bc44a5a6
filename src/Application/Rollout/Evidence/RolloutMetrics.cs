using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// OpenTelemetry instruments of the rollout, tagged by endpoint and path. "Path" is the implementation
/// that ran, so a failed domain attempt that a fallback hid from the caller still counts as a domain error.
/// The same numbers are kept in process (counts since start, latencies in a bounded window) for the
/// operator's metrics API, which cannot read the exporter's aggregates back.
/// </summary>
public sealed class RolloutMetrics : IDisposable
{
    public const string MeterName = "CameraMonitor.Rollout";

    /// <summary>Latencies kept per endpoint × path for p50/p95/p99.</summary>
    public const int WindowSize = 1024;

    private static readonly string[] Paths =
        [ServedPath.Domain.ToName(), ServedPath.Legacy.ToName(), ServedPath.LegacyFallback.ToName()];

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _mismatches;
    private readonly Counter<long> _paritySamples;
    private readonly Counter<long> _droppedSamples;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<(string Endpoint, string Path), PathCounters> _paths = new();
    private readonly ConcurrentDictionary<string, EndpointCounters> _endpoints = new(StringComparer.Ordinal);

    public RolloutMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("cameramonitor.rollout.requests", description: "Attempts per endpoint and path.");
        _errors = _meter.CreateCounter<long>("cameramonitor.rollout.errors", description: "Attempts that failed with a non-business error.");
        _fallbacks = _meter.CreateCounter<long>("cameramonitor.rollout.fallbacks", description: "Domain failures answered by legacy.");
        _mismatches = _meter.CreateCounter<long>("cameramonitor.rollout.parity.mismatches", description: "Parity samples whose responses differed.");
        _paritySamples = _meter.CreateCounter<long>("cameramonitor.rollout.parity.compared", description: "Parity samples compared.");
        _droppedSamples = _meter.CreateCounter<long>("cameramonitor.rollout.parity.dropped", description: "Parity samples dropped: queue full.");
        _duration = _meter.CreateHistogram<double>("cameramonitor.rollout.duration", unit: "ms", description: "Handler latency per endpoint and path.");
    }

    public event Action<string, string, double, bool>? AttemptRecorded;

    /// <summary>
    /// Creates every counter series of <paramref name="endpoint"/> at 0 (requests and errors per path, fallbacks and
    /// parity per endpoint), so a dashboard or an alert sees "zero" rather than "absent" before the first event.
    /// </summary>
    public void InitializeSeries(string endpoint)
    {
        foreach (var path in Paths)
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
    }

    public void RecordAttempt(string endpoint, string path, double milliseconds, bool failed)
    {
        var tags = new TagList { { "endpoint", endpoint }, { "path", path } };
        _requests.Add(1, tags);
        _duration.Record(milliseconds, tags);
        var counters = _paths.GetOrAdd((endpoint, path), _ => new PathCounters());
        Interlocked.Increment(ref counters.Requests);
        counters.Latencies.Add(milliseconds);
        if (failed)
        {
            _errors.Add(1, tags);
            Interlocked.Increment(ref counters.Errors);
        }

        AttemptRecorded?.Invoke(endpoint, path, milliseconds, failed);
    }

    public void RecordFallback(string endpoint)
    {
        _fallbacks.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
        Interlocked.Increment(ref Endpoint(endpoint).Fallbacks);
    }

    public void RecordParityCompared(string endpoint, bool matched)
    {
        var tag = new KeyValuePair<string, object?>("endpoint", endpoint);
        _paritySamples.Add(1, tag);
        Interlocked.Increment(ref Endpoint(endpoint).Compared);
        if (!matched)
        {
            _mismatches.Add(1, tag);
            Interlocked.Increment(ref Endpoint(endpoint).Mismatches);
        }
    }

    public void RecordDroppedSample(string endpoint)
    {
        _droppedSamples.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
        Interlocked.Increment(ref Endpoint(endpoint).Dropped);
    }

    /// <summary>Every given endpoint with all three paths (zeros where nothing ran yet).</summary>
    public RolloutMetricsReport Report(IEnumerable<string> endpoints) => new(WindowSize, endpoints.Select(endpoint =>
    {
        var own = _endpoints.TryGetValue(endpoint, out var e) ? e : new EndpointCounters();
        return new EndpointMetrics(endpoint, Interlocked.Read(ref own.Fallbacks), Interlocked.Read(ref own.Mismatches),
            Interlocked.Read(ref own.Compared), Interlocked.Read(ref own.Dropped),
            Paths.Select(path => PathReport(endpoint, path)).ToList());
    }).ToList());

    /// <summary>The endpoint's counters now, for deltas over a period (progressive delivery's step window).</summary>
    public EndpointSnapshot Snapshot(string endpoint)
    {
        var own = _endpoints.TryGetValue(endpoint, out var e) ? e : new EndpointCounters();
        return new EndpointSnapshot(PathSnapshotOf(endpoint, ServedPath.Domain), PathSnapshotOf(endpoint, ServedPath.Legacy),
            PathSnapshotOf(endpoint, ServedPath.LegacyFallback), Interlocked.Read(ref own.Compared), Interlocked.Read(ref own.Mismatches));
    }

    /// <summary>The path's latencies recorded after <paramref name="latencyCount"/> (a <see cref="PathSnapshot.LatencyCount"/>), sorted.</summary>
    public double[] LatenciesSince(string endpoint, ServedPath path, long latencyCount) =>
        _paths.TryGetValue((endpoint, path.ToName()), out var counters) ? counters.Latencies.SortedSince(latencyCount) : [];

    public void Dispose() => _meter.Dispose();

    private PathMetrics PathReport(string endpoint, string path)
    {
        if (!_paths.TryGetValue((endpoint, path), out var counters))
        {
            return new PathMetrics(path, 0, 0, 0, null, null, null);
        }

        var sorted = counters.Latencies.Sorted();
        return new PathMetrics(path, Interlocked.Read(ref counters.Requests), Interlocked.Read(ref counters.Errors), sorted.Length,
            LatencyWindow.Percentile(sorted, 50), LatencyWindow.Percentile(sorted, 95), LatencyWindow.Percentile(sorted, 99));
    }

    private PathSnapshot PathSnapshotOf(string endpoint, ServedPath path) =>
        _paths.TryGetValue((endpoint, path.ToName()), out var counters)
            ? new PathSnapshot(Interlocked.Read(ref counters.Requests), Interlocked.Read(ref counters.Errors), counters.Latencies.Count)
            : PathSnapshot.Empty;

    private EndpointCounters Endpoint(string endpoint) => _endpoints.GetOrAdd(endpoint, _ => new EndpointCounters());

    private sealed class PathCounters
    {
        public readonly LatencyWindow Latencies = new(WindowSize);
        public long Requests;
        public long Errors;
    }

    private sealed class EndpointCounters
    {
        public long Fallbacks;
        public long Mismatches;
        public long Compared;
        public long Dropped;
    }
}

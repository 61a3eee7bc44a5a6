using System.Collections.Concurrent;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// This instance's rollout evidence since the last publish, in memory: per endpoint × path × routing group the
/// requests, failures and a <see cref="LatencyHistogram"/>, and per endpoint × kind × field the comparison counts.
/// Recording an attempt is a few interlocked increments in its <see cref="AttemptCounter"/>, which the routing keeps per
/// endpoint (no lookup) and which counts per processor: no lock, no allocation once the counter exists.
/// <see cref="Drain"/> (the publisher, every interval) takes the counts and resets them; a count recorded while draining
/// lands in this slice or the next, never in none or both.
/// Memory is bounded by the number of endpoints, paths, groups and compared fields, not by traffic. Each attempt cell also
/// keeps this process's lifetime totals, never drained, which the OpenTelemetry request and error counters observe
/// (<see cref="RolloutMetrics"/>), so the request path counts an attempt once, here.
/// </summary>
public sealed class EvidenceRecorder
{
    private readonly ConcurrentDictionary<AttemptKey, AttemptCounter> _attempts = new();
    private readonly ConcurrentDictionary<ComparisonKey, ComparisonCell> _comparisons = new();

    public void RecordAttempt(string endpoint, string path, string group, double milliseconds, bool failed) =>
        Attempts(endpoint, path, group).Record(milliseconds, failed);

    /// <summary>
    /// The counters of one endpoint, path and routing group, created at their first use and never removed (a drain resets
    /// them in place), so a caller may keep them: the routing does, per endpoint (<see cref="Routing.RoutedEndpoint{TRequest,TResponse}"/>),
    /// which spares each request the three-string key's hash and lookup.
    /// </summary>
    /// <param name="group">How the path was chosen (<see cref="RouteGroups"/>): the percentage split or a steering rule.</param>
    public AttemptCounter Attempts(string endpoint, string path, string group) =>
        _attempts.GetOrAdd(new AttemptKey(endpoint, path, group), static _ => new AttemptCounter());

    /// <summary>Adds to one comparison row (see <see cref="ComparisonKinds"/> for what each count means per kind and field).</summary>
    public void RecordComparison(string endpoint, string kind, string field, long samples = 0, long mismatched = 0, long noise = 0,
        long failures = 0, long skipped = 0)
    {
        var cell = _comparisons.GetOrAdd(new ComparisonKey(endpoint, kind, field), static _ => new ComparisonCell());
        Add(ref cell.Samples, samples);
        Add(ref cell.Mismatched, mismatched);
        Add(ref cell.Noise, noise);
        Add(ref cell.Failures, failures);
        Add(ref cell.Skipped, skipped);
    }

    /// <summary>Attempts and failures per endpoint and path since the process started (every routing group together).</summary>
    public IReadOnlyDictionary<(string Endpoint, string Path), (long Requests, long Failures)> Totals()
    {
        var totals = new Dictionary<(string Endpoint, string Path), (long Requests, long Failures)>();
        foreach (var (key, cell) in _attempts)
        {
            var (requests, failures) = totals.GetValueOrDefault((key.Endpoint, key.Path));
            var (cellRequests, cellFailures) = cell.Totals();
            totals[(key.Endpoint, key.Path)] = (requests + cellRequests, failures + cellFailures);
        }

        return totals;
    }

    /// <summary>Takes everything recorded since the previous drain as the slice [<paramref name="start"/>, <paramref name="end"/>].</summary>
    public EvidenceSlice Drain(DateTime start, DateTime end)
    {
        var attempts = new List<AttemptSlice>();
        foreach (var (key, cell) in _attempts)
        {
            var (requests, failures, latency) = cell.Drain();
            if (requests != 0 || failures != 0 || latency.Count != 0)
            {
                attempts.Add(new AttemptSlice(key.Endpoint, key.Path, key.Group, requests, failures, latency.ToCounts()));
            }
        }

        var comparisons = new List<ComparisonSlice>();
        foreach (var (key, cell) in _comparisons)
        {
            var row = new ComparisonSlice(key.Endpoint, key.Kind, key.Field, Interlocked.Exchange(ref cell.Samples, 0),
                Interlocked.Exchange(ref cell.Mismatched, 0), Interlocked.Exchange(ref cell.Noise, 0),
                Interlocked.Exchange(ref cell.Failures, 0), Interlocked.Exchange(ref cell.Skipped, 0));
            if (row is not { Samples: 0, Mismatched: 0, Noise: 0, Failures: 0, Skipped: 0 })
            {
                comparisons.Add(row);
            }
        }

        return new EvidenceSlice(start, end, attempts, comparisons);
    }

    private static void Add(ref long counter, long value)
    {
        if (value != 0)
        {
            Interlocked.Add(ref counter, value);
        }
    }

    private readonly record struct AttemptKey(string Endpoint, string Path, string Group);

    private readonly record struct ComparisonKey(string Endpoint, string Kind, string Field);

    private sealed class ComparisonCell
    {
        public long Samples;
        public long Mismatched;
        public long Noise;
        public long Failures;
        public long Skipped;
    }
}

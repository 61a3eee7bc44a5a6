using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>Counters of one path over some span of a simulated plan (an interval, a step, the whole plan).</summary>
internal sealed class SimulatedPath
{
    private readonly long[] _buckets = new long[LatencyHistogram.BucketCount];

    public long Requests { get; private set; }

    public long Failures { get; private set; }

    public void Record(bool failed, int bucket)
    {
        Requests++;
        Failures += failed ? 1 : 0;
        _buckets[bucket]++;
    }

    public void Add(SimulatedPath other)
    {
        Requests += other.Requests;
        Failures += other.Failures;
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] += other._buckets[i];
        }
    }

    public void Clear()
    {
        Requests = 0;
        Failures = 0;
        Array.Clear(_buckets);
    }

    public PathEvidence ToEvidence() => new(Requests, Failures, Histogram());

    public LatencyHistogram Histogram() => LatencyHistogram.FromCounts(_buckets);
}

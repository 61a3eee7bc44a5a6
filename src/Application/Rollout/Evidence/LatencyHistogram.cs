namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// A latency distribution in fixed log-spaced buckets from <see cref="MinMilliseconds"/> to <see cref="MaxMilliseconds"/>
/// (<see cref="BucketsPerDecade"/> per decade, so a bucket is ~10 % wide), plus one bucket below and one above.
/// Because every instance uses the same bounds, histograms merge by adding counts: the cluster's distribution is
/// the sum of the instances' slices, and its percentiles are exact to one bucket's width. Recording is lock-free
/// and allocation-free (one interlocked increment), so it costs nothing measurable on the request path.
/// Chosen over HdrHistogram: the bounds are part of the stored format (a plain <c>bigint[]</c> in PostgreSQL that
/// SQL can read), and the 10 % resolution is finer than the noise of the latencies it judges.
/// </summary>
public sealed class LatencyHistogram
{
    public const double MinMilliseconds = 0.1;
    public const double MaxMilliseconds = 60_000;
    public const int BucketsPerDecade = 24;

    /// <summary>Bucket 0 holds latencies below <see cref="MinMilliseconds"/>; the last one those at or above <see cref="MaxMilliseconds"/>.</summary>
    public static readonly int BucketCount = (int)Math.Ceiling(Math.Log10(MaxMilliseconds / MinMilliseconds) * BucketsPerDecade) + 2;

    private readonly long[] _counts;

    public LatencyHistogram() => _counts = new long[BucketCount];

    private LatencyHistogram(long[] counts) => _counts = counts;

    /// <summary>A histogram from stored counts; shorter arrays (trailing zeros trimmed) are padded, longer ones refused.</summary>
    public static LatencyHistogram FromCounts(IReadOnlyList<long> counts)
    {
        if (counts.Count > BucketCount)
        {
            throw new ArgumentException($"A latency histogram has {BucketCount} buckets, not {counts.Count}.", nameof(counts));
        }

        var copy = new long[BucketCount];
        for (var i = 0; i < counts.Count; i++)
        {
            copy[i] = counts[i];
        }

        return new LatencyHistogram(copy);
    }

    /// <summary>The bucket a latency falls into.</summary>
    public static int BucketOf(double milliseconds)
    {
        if (!(milliseconds >= MinMilliseconds))
        {
            return 0; // also NaN
        }

        if (milliseconds >= MaxMilliseconds)
        {
            return BucketCount - 1;
        }

        return Math.Min(BucketCount - 2, 1 + (int)(Math.Log10(milliseconds / MinMilliseconds) * BucketsPerDecade));
    }

    /// <summary>Lower bound (inclusive) of a bucket, in milliseconds; 0 for the first.</summary>
    public static double LowerBound(int bucket) => bucket <= 0
        ? 0
        : bucket >= BucketCount - 1 ? MaxMilliseconds : MinMilliseconds * Math.Pow(10, (bucket - 1) / (double)BucketsPerDecade);

    /// <summary>Upper bound (exclusive) of a bucket, in milliseconds; infinity for the last.</summary>
    public static double UpperBound(int bucket) => bucket >= BucketCount - 1
        ? double.PositiveInfinity
        : Math.Min(MaxMilliseconds, MinMilliseconds * Math.Pow(10, bucket / (double)BucketsPerDecade));

    /// <summary>The value a bucket stands for: the geometric middle of its bounds (the edges for the open buckets).</summary>
    public static double Representative(int bucket) => bucket <= 0
        ? MinMilliseconds
        : bucket >= BucketCount - 1 ? MaxMilliseconds : Math.Sqrt(LowerBound(bucket) * UpperBound(bucket));

    public void Record(double milliseconds) => Interlocked.Increment(ref _counts[BucketOf(milliseconds)]);

    /// <summary>Adds another histogram's counts to this one (merging instances or time slices).</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += Interlocked.Read(ref other._counts[i]);
        }
    }

    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < BucketCount; i++)
            {
                total += Interlocked.Read(ref _counts[i]);
            }

            return total;
        }
    }

    public long CountIn(int bucket) => Interlocked.Read(ref _counts[bucket]);

    /// <summary>A consistent-enough copy of the counts (each bucket read atomically).</summary>
    public LatencyHistogram Snapshot()
    {
        var copy = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            copy[i] = Interlocked.Read(ref _counts[i]);
        }

        return new LatencyHistogram(copy);
    }

    /// <summary>Takes the counts and resets them to zero, bucket by bucket (what a publisher ships per slice).</summary>
    public LatencyHistogram Drain()
    {
        var copy = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            copy[i] = Interlocked.Exchange(ref _counts[i], 0);
        }

        return new LatencyHistogram(copy);
    }

    /// <summary>The counts with trailing zero buckets trimmed (the stored form).</summary>
    public long[] ToCounts()
    {
        var last = BucketCount - 1;
        while (last >= 0 && Interlocked.Read(ref _counts[last]) == 0)
        {
            last--;
        }

        var counts = new long[last + 1];
        for (var i = 0; i <= last; i++)
        {
            counts[i] = Interlocked.Read(ref _counts[i]);
        }

        return counts;
    }

    /// <summary>The q-quantile (0–1) by nearest rank over the buckets, as the bucket's representative value; null when empty.</summary>
    public double? Quantile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(q, 0, 1) * total));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Representative(i);
            }
        }

        return Representative(BucketCount - 1);
    }
}

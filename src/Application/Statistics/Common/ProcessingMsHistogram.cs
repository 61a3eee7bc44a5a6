namespace CameraMonitor.Application.Statistics.Common;

/// <summary>
/// The fixed processing_ms histogram the rollups keep per camera-hour and camera-day (migration 0015's
/// processing_ms_bucket): bucket 0 is [0, 0.1) ms, bucket k in 1..96 is [0.1·10^((k-1)/16), 0.1·10^(k/16)) ms,
/// 16 per decade (each ~15 % wide); the last also holds anything slower. A percentile read from it lands in
/// the right bucket exactly and is placed inside it by rank, so its error is below one bucket's width.
/// </summary>
public static class ProcessingMsHistogram
{
    public const int Buckets = 97;
    private const double Base = 0.1;
    private const double PerDecade = 16;

    /// <summary>The bucket of a duration, as migration 0015's processing_ms_bucket computes it (same IEEE steps).</summary>
    public static int BucketOf(double milliseconds) => milliseconds < Base
        ? 0
        : Math.Min(Buckets - 1, 1 + (int)Math.Floor(PerDecade * Math.Log10(milliseconds / Base)));

    public static (double Lower, double Upper) Bounds(int bucket) => bucket <= 0
        ? (0, Base)
        : (Base * Math.Pow(10, (bucket - 1) / PerDecade), Base * Math.Pow(10, bucket / PerDecade));

    /// <summary>
    /// The percentile the way PostgreSQL's percentile_cont computes it (linear between the two ranks around
    /// fraction × (n - 1)), with each rank's value estimated inside its bucket; null without detections.
    /// </summary>
    public static double? Percentile(IReadOnlyList<(int Bucket, long Count)> counts, double fraction)
    {
        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            return null;
        }

        var position = fraction * (total - 1);
        var below = (long)Math.Floor(position);
        var low = ValueAtRank(counts, below);
        var high = below + 1 < total ? ValueAtRank(counts, below + 1) : low;
        return low + ((position - below) * (high - low));
    }

    private static double ValueAtRank(IReadOnlyList<(int Bucket, long Count)> counts, long rank)
    {
        long before = 0;
        foreach (var (bucket, count) in counts.OrderBy(c => c.Bucket))
        {
            if (rank < before + count)
            {
                var (lower, upper) = Bounds(bucket);
                return lower + ((upper - lower) * ((rank - before + 0.5) / count));
            }

            before += count;
        }

        return Bounds(counts.Max(c => c.Bucket)).Upper;
    }
}

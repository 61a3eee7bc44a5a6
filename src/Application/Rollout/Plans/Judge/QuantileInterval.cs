using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>
/// A distribution-free confidence interval for a quantile, read from a merged histogram: the q-quantile lies between
/// the order statistics of ranks n·q ∓ z·√(n·q·(1−q)) (normal approximation of the binomial count below the quantile).
/// The bounds are bucket edges (the lower edge of the low rank's bucket, the upper edge of the high rank's), so the
/// ~10 % bucket width widens the interval instead of biasing it.
/// </summary>
/// <param name="Estimate">The nearest-rank quantile (the bucket's representative value).</param>
internal sealed record QuantileInterval(double Estimate, double Lower, double Upper, long Samples)
{
    public static QuantileInterval Of(LatencyHistogram histogram, double quantile, double z)
    {
        var n = histogram.Count;
        var centre = n * quantile;
        var spread = z * Math.Sqrt(n * quantile * (1 - quantile));
        var lowRank = Math.Clamp((long)Math.Floor(centre - spread), 1, n);
        var highRank = Math.Clamp((long)Math.Ceiling(centre + spread) + 1, 1, n);
        var upper = LatencyHistogram.UpperBound(BucketOfRank(histogram, highRank));
        return new QuantileInterval(histogram.Quantile(quantile) ?? 0,
            LatencyHistogram.LowerBound(BucketOfRank(histogram, lowRank)),
            double.IsInfinity(upper) ? LatencyHistogram.MaxMilliseconds : upper, n);
    }

    private static int BucketOfRank(LatencyHistogram histogram, long rank)
    {
        long seen = 0;
        for (var bucket = 0; bucket < LatencyHistogram.BucketCount; bucket++)
        {
            seen += histogram.CountIn(bucket);
            if (seen >= rank)
            {
                return bucket;
            }
        }

        return LatencyHistogram.BucketCount - 1;
    }
}

using CameraMonitor.Application.Rollout.Evidence;
using MathNet.Numerics.Distributions;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>
/// Request latencies as a lognormal body (median 12 ms, σ 0.5: p95 ≈ 27 ms) plus 1 % outliers eight times slower
/// (GC pauses, cold connections), drawn straight into <see cref="LatencyHistogram"/> buckets: one uniform number and
/// a binary search over the buckets' cumulative probabilities per request, which is exactly the histogram a real
/// stream of such latencies would fill, at a fraction of the cost.
/// </summary>
internal sealed class LatencyModel
{
    public const double MedianMs = 12;
    public const double Sigma = 0.5;
    public const double OutlierShare = 0.01;
    public const double OutlierFactor = 8;

    private readonly double[] _cumulative = new double[LatencyHistogram.BucketCount];

    public LatencyModel(double factor)
    {
        var mu = Math.Log(MedianMs * factor);
        double Cdf(double x) => x <= 0 ? 0 : double.IsPositiveInfinity(x) ? 1
            : (1 - OutlierShare) * LogNormal.CDF(mu, Sigma, x) + OutlierShare * LogNormal.CDF(mu + Math.Log(OutlierFactor), Sigma, x);
        for (var bucket = 0; bucket < LatencyHistogram.BucketCount; bucket++)
        {
            _cumulative[bucket] = Cdf(LatencyHistogram.UpperBound(bucket));
        }
    }

    public int SampleBucket(SplitMix random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, LatencyHistogram.BucketCount - 1);
    }
}

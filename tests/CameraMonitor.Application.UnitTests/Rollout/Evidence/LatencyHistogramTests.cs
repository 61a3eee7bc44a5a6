using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.UnitTests.Rollout.Evidence;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.37)]
    [InlineData(1)]
    [InlineData(17.2)]
    [InlineData(999.9)]
    [InlineData(59_999)]
    public void BucketOf_WhenInRange_HoldsTheValueBetweenItsBounds(double milliseconds)
    {
        var bucket = LatencyHistogram.BucketOf(milliseconds);

        Assert.InRange(milliseconds, LatencyHistogram.LowerBound(bucket), LatencyHistogram.UpperBound(bucket));
        Assert.True(milliseconds < LatencyHistogram.UpperBound(bucket));
    }

    [Fact]
    public void Buckets_WhenWalked_AreContiguousAndAtMostElevenPercentWide()
    {
        for (var i = 1; i < LatencyHistogram.BucketCount - 1; i++)
        {
            Assert.Equal(LatencyHistogram.UpperBound(i - 1), LatencyHistogram.LowerBound(i), 9);
            Assert.True(LatencyHistogram.UpperBound(i) / LatencyHistogram.LowerBound(i) <= 1.11);
        }
    }

    [Fact]
    public void BucketOf_WhenOutOfRangeOrNaN_UsesTheOpenBuckets()
    {
        Assert.Equal(0, LatencyHistogram.BucketOf(double.NaN));
        Assert.Equal(0, LatencyHistogram.BucketOf(-3));
        Assert.Equal(LatencyHistogram.BucketCount - 1, LatencyHistogram.BucketOf(60_000));
        Assert.Equal(LatencyHistogram.BucketCount - 1, LatencyHistogram.BucketOf(double.PositiveInfinity));
    }

    [Fact]
    public void Quantile_WhenTwoHistogramsAreMerged_EqualsTheQuantileOfAllSamples()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 5000).Select(_ => Math.Exp(random.NextDouble() * 6)).ToArray();
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        for (var i = 0; i < samples.Length; i++)
        {
            (i % 2 == 0 ? a : b).Record(samples[i]);
        }

        var merged = LatencyHistogram.FromCounts(a.ToCounts());
        merged.Add(b);
        Array.Sort(samples);
        var exactP95 = samples[(int)Math.Ceiling(0.95 * samples.Length) - 1];

        Assert.Equal(samples.Length, merged.Count);
        Assert.InRange(merged.Quantile(0.95)!.Value, exactP95 / 1.1, exactP95 * 1.1);
    }

    [Fact]
    public void Drain_WhenCalled_ReturnsTheCountsAndLeavesZero()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(3);
        histogram.Record(4);

        var drained = histogram.Drain();

        Assert.Equal(2, drained.Count);
        Assert.Equal(0, histogram.Count);
        Assert.Null(histogram.Quantile(0.5));
        Assert.Empty(histogram.ToCounts());
    }

    [Fact]
    public void FromCounts_WhenTooLong_IsRefused() =>
        Assert.Throws<ArgumentException>(() => LatencyHistogram.FromCounts(new long[LatencyHistogram.BucketCount + 1]));
}

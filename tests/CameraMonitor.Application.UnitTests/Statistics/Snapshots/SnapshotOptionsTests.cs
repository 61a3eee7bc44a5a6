using CameraMonitor.Application.Statistics.Snapshots;

namespace CameraMonitor.Application.UnitTests.Statistics.Snapshots;

public sealed class SnapshotOptionsTests
{
    [Theory]
    [InlineData(10, 120, true)]
    [InlineData(0, 0, true)]
    [InlineData(30, 30, true)]
    [InlineData(-1, 10, false)]
    [InlineData(60, 10, false)]
    [InlineData(10, SnapshotLimits.MaxSeconds + 1, false)]
    public void IsValid_ChecksEachQuerysLimits(double fresh, double maxAge, bool valid)
    {
        var options = new SnapshotOptions();
        options.Queries["GetStatisticsSummary"] = new SnapshotLimits { FreshSeconds = fresh, MaxAgeSeconds = maxAge };

        Assert.Equal(valid, options.IsValid());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100_001, false)]
    public void IsValid_BoundsTheNumberOfSnapshots(int maxEntries, bool valid) =>
        Assert.Equal(valid, new SnapshotOptions { MaxEntries = maxEntries }.IsValid());

    [Fact]
    public void LimitsOf_AQueryWithoutItsOwnEntry_GetsTheDefaults()
    {
        var options = new SnapshotOptions();
        options.Queries["GetDailyStatistics"] = new SnapshotLimits { FreshSeconds = 30, MaxAgeSeconds = 300 };

        Assert.Equal((30.0, 300.0), (options.LimitsOf("GetDailyStatistics").FreshSeconds, options.LimitsOf("GetDailyStatistics").MaxAgeSeconds));
        Assert.Equal((10.0, 120.0), (options.LimitsOf("GetStatisticsSummary").FreshSeconds, options.LimitsOf("GetStatisticsSummary").MaxAgeSeconds));
    }
}

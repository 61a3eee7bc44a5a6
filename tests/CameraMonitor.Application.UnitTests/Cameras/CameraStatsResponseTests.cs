using CameraMonitor.Application.Cameras.GetCameraStats;

namespace CameraMonitor.Application.UnitTests.Cameras;

public sealed class CameraStatsResponseTests
{
    [Fact]
    public void Create_SumsCountsByTypeAndByStatus_AndZeroFillsEveryStatus()
    {
        var stats = CameraStatsResponse.Create("cam0", 10, 12.3456, null,
        [
            new ViolationCount("no_mask", "pending", 2),
            new ViolationCount("no_mask", "resolved", 1),
            new ViolationCount("smoking", "pending", 4),
        ], 0.5);

        Assert.Equal(7, stats.TotalViolations);
        Assert.Equal(["no_mask", "smoking"], stats.ViolationsByType.Keys);
        Assert.Equal([3L, 4L], stats.ViolationsByType.Values);
        Assert.Equal(["confirmed", "false_positive", "pending", "resolved"], stats.ViolationsByStatus.Keys);
        Assert.Equal([0L, 0L, 6L, 1L], stats.ViolationsByStatus.Values);
        Assert.Equal(12.35, stats.AvgProcessingMs);
    }

    [Theory]
    [InlineData(0.76249999999999996, 0.7625)]
    [InlineData(0.7624999, 0.7625)]
    [InlineData(0.33333333, 0.3333)]
    public void Create_RoundsTheAverageConfidenceToFourDecimals(double raw, double expected) =>
        Assert.Equal(expected, CameraStatsResponse.Create("c", 1, 1, null, [new ViolationCount("x", "pending", 1)], raw).AvgConfidence);

    [Fact]
    public void Create_WithNothingToAverage_AnswersNullAverages()
    {
        var stats = CameraStatsResponse.Create("cam0", 0, null, null, [], null);

        Assert.Equal((0L, 0L), (stats.TotalDetections, stats.TotalViolations));
        Assert.Null(stats.AvgConfidence);
        Assert.Null(stats.AvgProcessingMs);
        Assert.Null(stats.LastDetectionAt);
        Assert.Empty(stats.ViolationsByType);
    }
}

using CameraMonitor.Application.Statistics.CameraStatistics;
using CameraMonitor.Application.Statistics.Common;

namespace CameraMonitor.Application.UnitTests.Statistics;

public sealed class AnomalyDetectorTests
{
    private static readonly HourWindow Day = HourWindow.ForPeriod("24h", new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Spike_WhenTheLastHourIsFarAboveTheOthers_ReportsItWithTheThreshold()
    {
        var spike = AnomalyDetector.Spike(Day, [At(11, 8), At(9, 1), At(8, 1)]);

        Assert.NotNull(spike);
        Assert.Equal(AnomalyDetector.ViolationSpike, spike.Type);
        Assert.Equal(new DateTime(2026, 11, 20, 11, 0, 0, DateTimeKind.Utc), spike.Start);
        Assert.Equal(8, spike.Count);
        // mean 10/24, population σ √(66/24 − (10/24)²): mean + 3σ ≈ 5.2318
        Assert.Equal(5.2318, spike.Threshold!.Value, 3);
    }

    [Fact]
    public void Spike_WhenTheLastHourIsOrdinary_ReportsNothing() =>
        Assert.Null(AnomalyDetector.Spike(Day, Day.Hours().Select(h => new ViolationCountByTime(h, "no_mask", 2))));

    [Fact]
    public void Spike_WhenTheBusyHourIsNotTheLast_ReportsNothing() =>
        Assert.Null(AnomalyDetector.Spike(Day, [At(5, 30)]));

    [Fact]
    public void Spike_AddsTheTypesOfOneHour() =>
        Assert.Equal(8, AnomalyDetector.Spike(Day, [At(11, 5), At(11, 3, "smoking")])!.Count);

    [Fact]
    public void HourWindow_ForAPeriod_EndsAtTheEndOfTheCurrentHour()
    {
        var window = HourWindow.ForPeriod("1h", new DateTimeOffset(2026, 11, 20, 12, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc), window.Start);
        Assert.Equal(new DateTime(2026, 11, 20, 13, 0, 0, DateTimeKind.Utc), window.End);
    }

    [Fact]
    public void HourWindow_ForARange_WidensToWholeHours()
    {
        var window = HourWindow.ForRange(new DateTimeOffset(2026, 11, 15, 9, 30, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2026, 11, 19, 12, 0, 1, TimeSpan.Zero), null, DateTimeOffset.UnixEpoch);

        Assert.Equal(new DateTime(2026, 11, 15, 7, 0, 0, DateTimeKind.Utc), window.Start);
        Assert.Equal(new DateTime(2026, 11, 19, 13, 0, 0, DateTimeKind.Utc), window.End);
    }

    [Fact]
    public void HourWindow_ForDays_CoversWholeUtcDaysEndingToday()
    {
        var window = HourWindow.ForDays(3, new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateTime(2026, 11, 19, 0, 0, 0, DateTimeKind.Utc), window.Start);
        Assert.Equal(new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc), window.End);
    }

    private static ViolationCountByTime At(int hour, long count, string type = "no_mask") =>
        new(new DateTime(2026, 11, 20, hour, 0, 0, DateTimeKind.Utc), type, count);
}

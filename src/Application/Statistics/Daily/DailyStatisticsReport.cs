using System.Globalization;
using CameraMonitor.Application.Statistics.Common;

namespace CameraMonitor.Application.Statistics.Daily;

/// <summary>The daily table from any statistics source: every UTC day of the window gets a row, quiet days zero.</summary>
public static class DailyStatisticsReport
{
    public static async Task<DailyStatisticsResponse> BuildAsync(IStatisticsReadModel source,
        GetDailyStatisticsQuery query, TimeProvider clock, CancellationToken cancellationToken)
    {
        var window = HourWindow.ForDays(query.Days, clock.GetUtcNow());
        var counts = await source.DailyViolationCountsAsync(window, cancellationToken);
        var days = Enumerable.Range(0, query.Days).Select(offset =>
        {
            var day = window.Start.AddDays(offset);
            var ofDay = counts.Where(c => c.Bucket == day).ToList();
            return new DailyStatisticsRow(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ofDay.Sum(c => c.ViolationCount),
                PeriodStatisticsBuilder.Sorted(ofDay.GroupBy(c => c.ViolationType)
                    .Select(g => (g.Key, g.Sum(c => c.ViolationCount)))));
        }).ToList();
        return new DailyStatisticsResponse(days);
    }
}

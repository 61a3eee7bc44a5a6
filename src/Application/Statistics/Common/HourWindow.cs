namespace CameraMonitor.Application.Statistics.Common;

/// <summary>
/// A statistics window [Start, End) on whole UTC hours. Both paths use it, so the raw-table queries of
/// the legacy path (detected_at in the window) and the rollup queries of the domain path (hour in the
/// window) count exactly the same rows. A named period ends at the end of the hour "now" is in
/// (the current, partial hour counts) and spans the period's length back from there.
/// </summary>
public sealed record HourWindow(DateTime Start, DateTime End)
{
    public static HourWindow ForPeriod(string? period, DateTimeOffset now)
    {
        var end = CeilingHour(now.UtcDateTime);
        return new HourWindow(end - StatisticsPeriods.LengthOf(period), end);
    }

    /// <summary>
    /// An explicit range widened to whole hours (start down, end up); a missing end is the end of the
    /// current hour, a missing start is one period before the end.
    /// </summary>
    public static HourWindow ForRange(DateTimeOffset? start, DateTimeOffset? end, string? period, DateTimeOffset now)
    {
        var to = CeilingHour((end ?? now).UtcDateTime);
        var from = start is { } s ? FloorHour(s.UtcDateTime) : to - StatisticsPeriods.LengthOf(period);
        return new HourWindow(from, to);
    }

    /// <summary>The <paramref name="days"/> UTC days ending with today (today counts, partially).</summary>
    public static HourWindow ForDays(int days, DateTimeOffset now)
    {
        var tomorrow = now.UtcDateTime.Date.AddDays(1);
        return new HourWindow(DateTime.SpecifyKind(tomorrow.AddDays(-days), DateTimeKind.Utc),
            DateTime.SpecifyKind(tomorrow, DateTimeKind.Utc));
    }

    public IEnumerable<DateTime> Hours()
    {
        for (var hour = Start; hour < End; hour = hour.AddHours(1))
        {
            yield return hour;
        }
    }

    private static DateTime FloorHour(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    private static DateTime CeilingHour(DateTime utc)
    {
        var floor = FloorHour(utc);
        return floor.Ticks == utc.Ticks ? floor : floor.AddHours(1);
    }
}

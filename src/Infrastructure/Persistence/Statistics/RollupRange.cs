namespace CameraMonitor.Infrastructure.Persistence.Statistics;

/// <summary>
/// A time range cut into what the rollups answer and what only raw rows can: raw rows in [From, HourFrom)
/// and [HourTo, To] (the partial hours at an inclusive range's edges), hourly rollups in [HourFrom, DayFrom)
/// and [DayTo, HourTo), daily rollups in [DayFrom, DayTo). Each part is bounded by the ingest rate, not by the
/// data kept, except the daily one, which grows with the number of days (retention bounds it).
/// </summary>
public sealed record RollupRange(DateTime From, DateTime HourFrom, DateTime DayFrom, DateTime DayTo, DateTime HourTo,
    DateTime To)
{
    /// <summary>Stands for an open start; older than any detection.</summary>
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Stands for an open end; later than any detection.</summary>
    public static readonly DateTime Latest = new(3000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The SQL parameters @RangeFrom, @HourFrom, @DayFrom, @DayTo, @HourTo and @RangeTo.</summary>
    public object Parameters() => new { RangeFrom = From, HourFrom, DayFrom, DayTo, HourTo, RangeTo = To };

    /// <summary>A window of whole hours [start, end): no raw part.</summary>
    public static RollupRange Hours(DateTime start, DateTime end)
    {
        var (dayFrom, dayTo) = Days(start, end);
        return new RollupRange(start, start, dayFrom, dayTo, end, end);
    }

    /// <summary>An inclusive range [from, to], either end open.</summary>
    public static RollupRange Between(DateTimeOffset? from, DateTimeOffset? to)
    {
        var start = from?.UtcDateTime ?? Earliest;
        var end = to?.UtcDateTime ?? Latest;
        var hourFrom = Ceiling(start, TimeSpan.TicksPerHour);
        var hourTo = Floor(end, TimeSpan.TicksPerHour);
        if (hourFrom >= hourTo)
        {
            // Within one or two partial hours: all raw, nothing from the rollups.
            return new RollupRange(start, start, start, start, start, end);
        }

        var (dayFrom, dayTo) = Days(hourFrom, hourTo);
        return new RollupRange(start, hourFrom, dayFrom, dayTo, hourTo, end);
    }

    private static (DateTime DayFrom, DateTime DayTo) Days(DateTime hourFrom, DateTime hourTo)
    {
        var dayFrom = Ceiling(hourFrom, TimeSpan.TicksPerDay);
        var dayTo = Floor(hourTo, TimeSpan.TicksPerDay);
        return dayFrom < dayTo ? (dayFrom, dayTo) : (hourTo, hourTo);
    }

    private static DateTime Floor(DateTime utc, long unit) => new(utc.Ticks - (utc.Ticks % unit), DateTimeKind.Utc);

    private static DateTime Ceiling(DateTime utc, long unit)
    {
        var floor = Floor(utc, unit);
        return floor.Ticks == utc.Ticks ? floor : floor.AddTicks(unit);
    }
}

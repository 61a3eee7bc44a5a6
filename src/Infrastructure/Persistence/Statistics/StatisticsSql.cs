namespace CameraMonitor.Infrastructure.Persistence.Statistics;

/// <summary>
/// The SQL a <see cref="SqlStatisticsReadModel"/> runs. Each statement takes @Start and @End (a whole-hour
/// window), and the totals also @CameraId (null: every camera); column aliases match the Application row
/// records. Two sets exist: rollups (domain path) and raw tables (legacy path).
/// </summary>
public sealed record StatisticsSql(
    string DetectionTotals,
    string ViolationTotals,
    string DailyViolationCounts,
    string HourlyViolationCounts);

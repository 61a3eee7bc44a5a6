namespace CameraMonitor.Application.Statistics.Daily;

public sealed record DailyStatisticsResponse(IReadOnlyList<DailyStatisticsRow> Days);

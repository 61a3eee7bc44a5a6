using CameraMonitor.Application.Statistics.Common;

namespace CameraMonitor.Application.Statistics.Summary;

public sealed record StatisticsSummaryResponse(
    string Period,
    DateTime StartTime,
    DateTime EndTime,
    IReadOnlyDictionary<string, PeriodStatistics> Cameras,
    PeriodStatistics Total);

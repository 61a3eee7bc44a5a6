using CameraMonitor.Application.Statistics.Common;

namespace CameraMonitor.Application.Statistics.CameraStatistics;

public sealed record CameraStatisticsDto(
    PeriodStatistics Totals,
    PerformanceDto Performance,
    IReadOnlyList<AnomalyDto> Anomalies);

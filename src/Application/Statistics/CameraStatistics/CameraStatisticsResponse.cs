namespace CameraMonitor.Application.Statistics.CameraStatistics;

public sealed record CameraStatisticsResponse(
    string CameraId,
    string Period,
    DateTime StartTime,
    DateTime EndTime,
    CameraStatisticsDto Statistics);

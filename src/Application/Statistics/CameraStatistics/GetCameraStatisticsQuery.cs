using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Statistics.CameraStatistics;

/// <summary>
/// GET /api/v1/records/statistics/{camera_id}: one camera's totals, performance and anomalies in a
/// window given by start_time/end_time, or by a named period (default 24h).
/// </summary>
public sealed record GetCameraStatisticsQuery(
    string CameraId,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    string? Period = null) : IQuery<CameraStatisticsResponse>;

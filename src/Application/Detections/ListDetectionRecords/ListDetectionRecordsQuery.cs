using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Detections.ListDetectionRecords;

/// <summary>
/// GET /api/v1/records/detection-records/{camera_id}: a camera's records, newest first, optionally within
/// [start_time, end_time]. An unknown camera gives an empty page: records outlive their camera.
/// </summary>
public sealed record ListDetectionRecordsQuery(
    string CameraId,
    int Limit = ListDetectionRecordsQuery.DefaultLimit,
    int Offset = 0,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null) : IQuery<ListDetectionRecordsResponse>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;
}

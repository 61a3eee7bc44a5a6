using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Detections.ListDetectionRecords;

/// <summary>
/// GET /api/v1/records/detection-records/{camera_id}: a camera's records, newest first, optionally within
/// [start_time, end_time]. An unknown camera gives an empty page: records outlive their camera. Pages by
/// offset, or by keyset with <c>after</c> (the <c>next_cursor</c> of the previous page), which costs the same
/// however deep the page is.
/// </summary>
public sealed record ListDetectionRecordsQuery(
    string CameraId,
    int Limit = ListDetectionRecordsQuery.DefaultLimit,
    int Offset = 0,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    string? After = null) : IQuery<ListDetectionRecordsResponse>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;
}

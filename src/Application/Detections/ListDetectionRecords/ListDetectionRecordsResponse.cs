namespace CameraMonitor.Application.Detections.ListDetectionRecords;

/// <summary>
/// One page. <c>total</c> counts the whole filtered set (also when paging with a cursor); <c>next_cursor</c>
/// is the <c>after</c> value of the next page, null when this page was not full.
/// </summary>
public sealed record ListDetectionRecordsResponse(
    string CameraId,
    IReadOnlyList<DetectionRecordDto> Records,
    long Total,
    int Limit,
    int Offset,
    string? NextCursor);

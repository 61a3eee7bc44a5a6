namespace CameraMonitor.Application.Detections.ListDetectionRecords;

public sealed record ListDetectionRecordsResponse(
    string CameraId,
    IReadOnlyList<DetectionRecordDto> Records,
    long Total,
    int Limit,
    int Offset);

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>One record as a detector posts it. Missing counts default to 0 and missing lists to empty.</summary>
public sealed record DetectionRecordInput(
    string? CameraId,
    DateTime? DetectedAt,
    int PersonCount = 0,
    IReadOnlyList<DetectedObjectInput>? Objects = null,
    double ProcessingMs = 0,
    IReadOnlyList<ViolationInput>? Violations = null)
{
    public IReadOnlyList<DetectedObjectInput> ObjectList => Objects ?? [];

    public IReadOnlyList<ViolationInput> ViolationList => Violations ?? [];
}

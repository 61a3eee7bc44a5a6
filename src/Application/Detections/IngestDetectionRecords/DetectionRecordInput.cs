using System.Text.Json.Serialization;

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
    // Computed, not part of the wire shape: "object_list" in a body is an unknown member, not silently ignored.
    [JsonIgnore]
    public IReadOnlyList<DetectedObjectInput> ObjectList => Objects ?? [];

    [JsonIgnore]
    public IReadOnlyList<ViolationInput> ViolationList => Violations ?? [];
}

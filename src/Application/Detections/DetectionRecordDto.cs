using CameraMonitor.Domain.Detections;

namespace CameraMonitor.Application.Detections;

/// <summary>A detection record as the API shows it (snake_case on the wire, times in UTC).</summary>
public sealed record DetectionRecordDto(
    long Id,
    string CameraId,
    DateTime DetectedAt,
    int PersonCount,
    IReadOnlyList<DetectedObjectDto> Objects,
    double ProcessingMs,
    int ViolationCount)
{
    public static DetectionRecordDto FromDomain(DetectionRecord record) => new(
        record.Id,
        record.CameraId.Value,
        record.DetectedAt.UtcDateTime,
        record.PersonCount,
        record.Objects.Select(DetectedObjectDto.FromDomain).ToList(),
        record.ProcessingMs,
        record.ViolationCount);
}

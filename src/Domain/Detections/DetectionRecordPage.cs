namespace CameraMonitor.Domain.Detections;

/// <summary>One page of a camera's records, newest first, and how many records the filter matches in all.</summary>
public sealed record DetectionRecordPage(IReadOnlyList<DetectionRecord> Records, long Total);

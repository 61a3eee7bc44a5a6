namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

public sealed record DetectedObjectInput(string? Class, double Confidence, IReadOnlyList<double>? Bbox);

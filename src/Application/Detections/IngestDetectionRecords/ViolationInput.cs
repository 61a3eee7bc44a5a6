namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

public sealed record ViolationInput(string? ViolationType, double Confidence, string? SnapshotPath);

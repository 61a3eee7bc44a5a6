namespace CameraMonitor.Infrastructure.Persistence.Ingest;

public sealed record IngestViolationRow(string ViolationType, double Confidence, string? SnapshotPath);

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>A row of <c>violations</c> as Dapper materialises it, including the concurrency version.</summary>
public sealed record ViolationRow(
    long Id,
    string CameraId,
    long? DetectionId,
    string ViolationType,
    double Confidence,
    string? SnapshotPath,
    string Status,
    DateTime DetectedAt,
    DateTime? HandledAt,
    string? HandledBy,
    string? Notes,
    int Version);

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>A row of <see cref="DetectionRecordSql.SelectPage"/>; objects is the jsonb as text.</summary>
public sealed record DetectionRecordRow(
    long Id,
    string CameraId,
    DateTime DetectedAt,
    int PersonCount,
    string Objects,
    double ProcessingMs,
    int ViolationCount);

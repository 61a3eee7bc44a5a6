namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>A detection record ready for COPY: both ingest paths map to it, so both write identical rows.</summary>
public sealed record IngestRecordRow(
    string CameraId,
    DateTime DetectedAt,
    int PersonCount,
    string ObjectsJson,
    double ProcessingMs,
    IReadOnlyList<IngestViolationRow> Violations);

using CameraMonitor.Application.Detections;
using CameraMonitor.Application.Detections.IngestDetectionRecords;

namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>A detection record ready for COPY: both ingest paths map to it, so both write identical rows.</summary>
public sealed record IngestRecordRow(
    string CameraId,
    DateTime DetectedAt,
    int PersonCount,
    string ObjectsJson,
    double ProcessingMs,
    IReadOnlyList<IngestViolationRow> Violations)
{
    /// <summary>Straight from a validated wire item (the legacy path and the ingest benchmark use it).</summary>
    public static IngestRecordRow FromInput(DetectionRecordInput item) => new(
        item.CameraId!,
        ToMicroseconds(item.DetectedAt!.Value.ToUniversalTime()),
        item.PersonCount,
        DetectionObjectsJson.Serialize(item.ObjectList.Select(o => new DetectedObjectDto(o.Class!, o.Confidence, o.Bbox!))),
        item.ProcessingMs,
        item.ViolationList.Select(v => new IngestViolationRow(v.ViolationType!, v.Confidence, v.SnapshotPath)).ToList());

    // PostgreSQL keeps microseconds; rounding down here (as the domain path does) makes the rollup groups added up in
    // process see the stored value, also before 2000, where the driver would round the other way.
    private static DateTime ToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
}

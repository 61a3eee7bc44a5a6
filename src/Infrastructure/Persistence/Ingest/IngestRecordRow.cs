using CameraMonitor.Application.Detections;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Domain.Common;

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
        // Rounded as the domain path rounds: the rollup groups added up in process see the stored value.
        item.DetectedAt!.Value.ToUniversalTime().ToStoragePrecision(),
        item.PersonCount,
        DetectionObjectsJson.Serialize(item.ObjectList.Select(o => new DetectedObjectDto(o.Class!, o.Confidence, o.Bbox!))),
        item.ProcessingMs,
        item.ViolationList.Select(v => new IngestViolationRow(v.ViolationType!, v.Confidence, v.SnapshotPath)).ToList());
}

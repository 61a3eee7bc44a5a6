namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>The ids of the stored records, in the order they were posted.</summary>
public sealed record IngestDetectionRecordsResponse(bool Ok, IReadOnlyList<long> Ids);

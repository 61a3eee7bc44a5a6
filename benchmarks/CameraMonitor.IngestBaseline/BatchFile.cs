using System.Text.Json;
using CameraMonitor.Application.Detections;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Infrastructure.Persistence.Ingest;

namespace CameraMonitor.IngestBaseline;

/// <summary>Reads a batch file in the ingest endpoint's wire format into the rows both ingest paths write.</summary>
public static class BatchFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<IReadOnlyList<IngestRecordRow>> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var items = await JsonSerializer.DeserializeAsync<List<DetectionRecordInput>>(stream, Options)
                    ?? throw new InvalidDataException($"{path}: not a JSON array of records.");
        return items.Select(ToRow).ToList();
    }

    // The same mapping as the ingest handlers, so the baseline writes byte-identical rows.
    private static IngestRecordRow ToRow(DetectionRecordInput item) => new(
        item.CameraId!,
        item.DetectedAt!.Value.ToUniversalTime(),
        item.PersonCount,
        DetectionObjectsJson.Serialize(item.ObjectList.Select(o => new DetectedObjectDto(o.Class!, o.Confidence, o.Bbox!))),
        item.ProcessingMs,
        item.ViolationList.Select(v => new IngestViolationRow(v.ViolationType!, v.Confidence, v.SnapshotPath)).ToList());
}

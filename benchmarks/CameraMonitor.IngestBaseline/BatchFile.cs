using System.Text.Json;
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
        return items.Select(IngestRecordRow.FromInput).ToList();
    }
}

using System.Text.Json;
using CameraMonitor.Application.Detections;

namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>The jsonb spelling of a record's objects ([{class, confidence, bbox}]), shared by every reader and writer.</summary>
public static class DetectionObjectsJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(IEnumerable<DetectedObjectDto> objects) => JsonSerializer.Serialize(objects, Options);

    public static IReadOnlyList<DetectedObjectDto> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<DetectedObjectDto>>(json, Options) ?? [];
}

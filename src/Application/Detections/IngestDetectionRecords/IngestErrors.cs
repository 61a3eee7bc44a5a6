using CameraMonitor.Application.Common.Errors;

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>The answers both ingest paths give for batch-level problems, so their problem details agree.</summary>
public static class IngestErrors
{
    /// <summary>Names the first item of each unknown camera (not every item: a batch may hold 1000 of them).</summary>
    public static RequestValidationException UnknownCameras(IReadOnlyList<DetectionRecordInput> items,
        IReadOnlySet<string> unknown) =>
        new(items.Select((item, index) => (item.CameraId!, index))
            .Where(x => unknown.Contains(x.Item1))
            .GroupBy(x => x.Item1, StringComparer.Ordinal)
            .ToDictionary(g => $"items[{g.First().index}].camera_id",
                g => new[] { $"camera '{g.Key}' does not exist." }));

    public static IReadOnlyList<string> CameraIds(IReadOnlyList<DetectionRecordInput> items) =>
        items.Select(i => i.CameraId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>
/// POST /api/v1/records/detection-records: one record or a batch of up to 1000, stored all or nothing.
/// A repeated <paramref name="IdempotencyKey"/> gets the first answer and stores nothing again.
/// </summary>
public sealed record IngestDetectionRecordsCommand(IReadOnlyList<DetectionRecordInput> Items, string? IdempotencyKey = null)
    : ICommand<IngestDetectionRecordsResponse>, IIdempotentCommand
{
    public const int MaxItems = 1000;
    public const int MaxObjectsPerItem = 1000;
    public const int MaxViolationsPerItem = 100;

    /// <summary>The batch as bound: the same one hashes the same on both paths (and as before issue 11).</summary>
    [JsonIgnore]
    public object IdempotencyFingerprint => Items;
}

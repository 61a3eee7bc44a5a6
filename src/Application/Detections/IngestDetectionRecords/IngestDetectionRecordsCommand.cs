using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>
/// POST /api/v1/records/detection-records: one record or a batch of up to 1000, stored all or nothing.
/// A repeated <paramref name="IdempotencyKey"/> gets the first answer and stores nothing again.
/// </summary>
public sealed record IngestDetectionRecordsCommand(IReadOnlyList<DetectionRecordInput> Items, string? IdempotencyKey = null)
    : ICommand<IngestDetectionRecordsResponse>
{
    public const int MaxItems = 1000;
    public const int MaxObjectsPerItem = 1000;
    public const int MaxViolationsPerItem = 100;
    public const int MaxIdempotencyKeyLength = 200;
    public const string IdempotencyKeyField = "Idempotency-Key";

    /// <summary>The scope of idempotency keys: a key is unique per endpoint, not globally.</summary>
    public static readonly string EndpointName = EndpointNames.Of(typeof(IngestDetectionRecordsCommand));
}

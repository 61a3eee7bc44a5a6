using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Detections;

/// <summary>
/// What one detector run saw on one frame. Written once at ingest and never changed, so it is a small
/// ingest model rather than a behaviour-rich aggregate: its job is to refuse impossible values.
/// </summary>
public sealed class DetectionRecord : IAggregateRoot
{
    private DetectionRecord(long id, CameraId cameraId, DateTimeOffset detectedAt, int personCount,
        IReadOnlyList<DetectedObject> objects, double processingMs, IReadOnlyList<DetectedViolation> violations,
        int violationCount)
    {
        Id = id;
        CameraId = cameraId;
        DetectedAt = detectedAt;
        PersonCount = personCount;
        Objects = objects;
        ProcessingMs = processingMs;
        Violations = violations;
        ViolationCount = violationCount;
    }

    /// <summary>0 until stored.</summary>
    public long Id { get; }
    public CameraId CameraId { get; }
    public DateTimeOffset DetectedAt { get; }
    public int PersonCount { get; }
    public IReadOnlyList<DetectedObject> Objects { get; }
    public double ProcessingMs { get; }

    /// <summary>The violations reported with this record (empty when read back: they live on as Violation aggregates).</summary>
    public IReadOnlyList<DetectedViolation> Violations { get; }
    public int ViolationCount { get; }

    public static DetectionRecord Record(CameraId cameraId, DateTimeOffset detectedAt, int personCount,
        IReadOnlyList<DetectedObject> objects, double processingMs, IReadOnlyList<DetectedViolation> violations) =>
        new(0, cameraId, CheckDetectedAt(detectedAt), CheckPersonCount(personCount), objects.ToArray(),
            CheckProcessingMs(processingMs), violations.ToArray(), violations.Count);

    public static DetectionRecord Rehydrate(long id, CameraId cameraId, DateTimeOffset detectedAt, int personCount,
        IReadOnlyList<DetectedObject> objects, double processingMs, int violationCount) =>
        new(id, cameraId, CheckDetectedAt(detectedAt), CheckPersonCount(personCount), objects, CheckProcessingMs(processingMs),
            [], violationCount >= 0 ? violationCount : throw new DomainException("violation_count", "violation_count must be >= 0."));

    private static DateTimeOffset CheckDetectedAt(DateTimeOffset detectedAt) =>
        detectedAt.Offset == TimeSpan.Zero && DetectionRules.IsDetectionTime(detectedAt)
            ? detectedAt
            : throw new DomainException("detected_at", "detected_at must be in UTC, from 1970 up to 2100.");

    private static int CheckPersonCount(int personCount) => personCount >= 0
        ? personCount
        : throw new DomainException("person_count", "person_count must be >= 0.");

    private static double CheckProcessingMs(double processingMs) => DetectionRules.IsProcessingMs(processingMs)
        ? processingMs
        : throw new DomainException("processing_ms",
            $"processing_ms must be a number from 0 to {DetectionRules.MaxProcessingMs:0}.");
}

using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Domain.Detections;

/// <summary>
/// A violation as a detector reports it with a detection. It enters review as pending; the review itself
/// belongs to the Violation aggregate, which loads it later by id.
/// </summary>
public sealed record DetectedViolation
{
    private DetectedViolation(string violationType, double confidence, string? snapshotPath)
    {
        ViolationType = violationType;
        Confidence = confidence;
        SnapshotPath = snapshotPath;
    }

    public string ViolationType { get; }
    public double Confidence { get; }
    public string? SnapshotPath { get; }
    public ViolationStatus Status => ViolationStatus.Pending;

    public static DetectedViolation Create(string? violationType, double confidence, string? snapshotPath)
    {
        if (!DetectionRules.IsViolationType(violationType))
        {
            throw new DomainException("violation_type",
                $"violation_type must match {DetectionRules.ViolationTypePattern}.");
        }

        DetectionRules.CheckConfidence(confidence);
        if (snapshotPath is { Length: > DetectionRules.MaxSnapshotPathLength } || !DetectionRules.IsStorableText(snapshotPath))
        {
            throw new DomainException("snapshot_path",
                $"snapshot_path must be at most {DetectionRules.MaxSnapshotPathLength} characters without NUL.");
        }

        return new DetectedViolation(violationType!, confidence, snapshotPath);
    }
}

namespace CameraMonitor.Domain.Violations;

/// <summary>Review state of a violation: pending → confirmed | false_positive → … (see Violation).</summary>
public enum ViolationStatus
{
    Pending,
    Confirmed,
    FalsePositive,
    Resolved,
}

namespace CameraMonitor.Domain.Violations;

/// <summary>Raised when a violation's review status really moves (not when the same status is set again).</summary>
public sealed record ViolationStatusChanged(long ViolationId, ViolationStatus From, ViolationStatus To, DateTimeOffset At);

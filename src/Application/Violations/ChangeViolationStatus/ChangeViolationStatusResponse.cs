namespace CameraMonitor.Application.Violations.ChangeViolationStatus;

public sealed record ChangeViolationStatusResponse(bool Ok, long ViolationId, string Status);

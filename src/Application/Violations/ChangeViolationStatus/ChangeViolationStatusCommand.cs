using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Violations.ChangeViolationStatus;

/// <summary>
/// PUT /api/v1/records/violations/{violation_id}/status: review a violation. A null notes or handled_by
/// keeps the stored value; the API always sends handled_by (the caller, or whom an operator acts for).
/// </summary>
public sealed record ChangeViolationStatusCommand(string ViolationId, string? Status, string? Notes, string? HandledBy)
    : ICommand<ChangeViolationStatusResponse>;

using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Violations.ChangeViolationStatus;

/// <summary>
/// PUT /api/v1/records/violations/{violation_id}/status: review a violation. A null notes or handled_by
/// keeps the stored value; the API always sends handled_by (the caller, or whom an operator acts for). Honours
/// <c>Idempotency-Key</c> like ingest: a repeat gets the first answer.
/// </summary>
public sealed record ChangeViolationStatusCommand(string ViolationId, string? Status, string? Notes, string? HandledBy)
    : ICommand<ChangeViolationStatusResponse>, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>From If-Match (set by the API): review only if the violation is still at one of these versions.</summary>
    [JsonIgnore]
    public VersionPrecondition? IfMatch { get; init; }

    [JsonIgnore]
    public object IdempotencyFingerprint => this with { IdempotencyKey = null };
}

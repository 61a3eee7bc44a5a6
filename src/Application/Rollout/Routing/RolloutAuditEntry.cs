namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>A row of rollout_audit: who changed which endpoint when, from what to what, and why.</summary>
public sealed record RolloutAuditEntry(
    long Id,
    string Endpoint,
    DateTime ChangedAt,
    string ChangedBy,
    RolloutOverride? OldValue,
    RolloutOverride? NewValue,
    string? Reason);

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>An operator verb applied to a plan (rollout_plan_audit): who, when, and the plan before and after.</summary>
/// <param name="Verb">One of <see cref="PlanVerbs"/>.</param>
public sealed record PlanAuditEntry(DateTime ChangedAt, string ChangedBy, string Verb, PlanPosition Old, PlanPosition New, string? Reason);

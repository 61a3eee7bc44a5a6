using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The JSON body of a plan event (snake_case). docs/operations.md shows an example.</summary>
/// <param name="Id">Unique per event (a receiver can ignore repeats: a retried delivery keeps its id).</param>
/// <param name="Type">One of <see cref="PlanEventTypes"/>.</param>
/// <param name="Evaluation">The judge's evaluation behind the event, with every check (null for verbs that are not verdicts).</param>
public sealed record PlanWebhookPayload(
    Guid Id,
    string Type,
    DateTime OccurredAt,
    string Actor,
    string? Reason,
    PlanWebhookPlan Plan,
    PlanEvaluation? Evaluation);

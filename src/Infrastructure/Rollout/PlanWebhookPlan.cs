using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The plan as it stands after an event (the "plan" member of a webhook payload).</summary>
public sealed record PlanWebhookPlan(long Id, string Endpoint, string State, int StepIndex, int Percentage, bool DryRun,
    int ConsecutiveFailures)
{
    public static PlanWebhookPlan Of(RolloutPlan plan) => new(plan.Id, plan.Endpoint, plan.State, plan.CurrentStepIndex,
        plan.CurrentPercentage, plan.Settings.DryRun, plan.ConsecutiveFailures);
}

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>Where a plan stands: what an operator verb changes, as audited.</summary>
public sealed record PlanPosition(string State, int StepIndex, int Percentage, bool DryRun)
{
    public static PlanPosition Of(RolloutPlan plan) => new(plan.State, plan.CurrentStepIndex, plan.CurrentPercentage, plan.Settings.DryRun);
}

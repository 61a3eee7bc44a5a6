using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans;

public sealed class RolloutPlanTests
{
    private static readonly DateTime Started = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Started.AddMinutes(5);

    private static readonly RolloutPlan Plan = new(7, "ListCameras", RolloutPlanStates.Active,
        new RolloutPlanSettings([5, 10, 25], 300, 20, 5, 95, 50, 5, 99), 1, Started, Started, "op", null, null, null);

    [Fact]
    public void After_Promote_MovesToTheNextStep_StartingItNow_AndSetsItsPercentage()
    {
        var (plan, percentage) = Plan.After(Evaluation(PlanVerdicts.Promote));

        Assert.Equal((RolloutPlanStates.Active, 2, Later, 25d), (plan.State, plan.CurrentStepIndex, plan.StepStartedAt, percentage));
        Assert.Equal(PlanVerdicts.Promote, plan.LastEvaluation?.Verdict);
    }

    [Fact]
    public void After_Rollback_EndsThePlanAtZero_WithTheReason()
    {
        var (plan, percentage) = Plan.After(Evaluation(PlanVerdicts.Rollback));

        Assert.Equal((RolloutPlanStates.RolledBack, 1, Later, "why", 0d), (plan.State, plan.CurrentStepIndex, plan.EndedAt, plan.EndReason, percentage));
    }

    [Fact]
    public void After_Complete_EndsThePlan_LeavingThePercentage()
    {
        var (plan, percentage) = (Plan with { CurrentStepIndex = 2 }).After(Evaluation(PlanVerdicts.Complete));

        Assert.Equal((RolloutPlanStates.Completed, 2, (double?)null), (plan.State, plan.CurrentStepIndex, percentage));
    }

    [Fact]
    public void After_Hold_OnlyRecordsTheEvaluation()
    {
        var (plan, percentage) = Plan.After(Evaluation(PlanVerdicts.Hold));

        Assert.Equal(Plan with { LastEvaluation = plan.LastEvaluation }, plan);
        Assert.NotNull(plan.LastEvaluation);
        Assert.Null(percentage);
    }

    private static PlanEvaluation Evaluation(string verdict) => new(Later, 1, 10, verdict, "why",
        new StepHealth(Started, 300, 0, 0, 0, 0, 0, 0, null, 0, null, 0, 0, 0));
}

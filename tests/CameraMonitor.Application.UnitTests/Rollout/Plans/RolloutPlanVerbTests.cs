using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans;

/// <summary>How verdicts and operator verbs move a plan, and what percentage they set.</summary>
public sealed class RolloutPlanVerbTests
{
    private static readonly DateTime Started = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Started.AddMinutes(3);

    [Fact]
    public void Verbs_WalkAPlan_PausedKeepsThePercentage_PromoteMovesIt_AbortSetsZero()
    {
        var (paused, pausedAt) = Plan().Pause("alice", "lunch");
        var (resumed, _) = paused.Resume(Later);
        var (promoted, promotedTo) = resumed.PromoteNow(Later, "alice", null);
        var (aborted, abortedTo) = promoted.Abort(Later, "bob", "pager");

        Assert.Equal((RolloutPlanStates.Paused, (double?)null, "paused by alice: lunch"), (paused.State, pausedAt, paused.PausedReason));
        Assert.Equal((RolloutPlanStates.Active, Later, 0), (resumed.State, resumed.StepStartedAt, resumed.ConsecutiveFailures));
        Assert.Equal((1, 10d), (promoted.CurrentStepIndex, promotedTo));
        Assert.Equal((RolloutPlanStates.Aborted, 0d, "aborted by bob: pager"), (aborted.State, abortedTo, aborted.EndReason));
    }

    [Fact]
    public void Verbs_InTheWrongState_ThrowAConflict()
    {
        Assert.Throws<ConflictException>(() => Plan().Resume(Later));
        Assert.Throws<ConflictException>(() => Plan().Abort(Later, "bob", null).Plan.Pause("bob", null));
    }

    [Fact]
    public void PromoteNow_AtTheLastStep_CompletesWithoutChangingThePercentage()
    {
        var last = Plan() with { CurrentStepIndex = 4 };

        var (completed, percentage) = last.PromoteNow(Later, "alice", null);

        Assert.Equal((RolloutPlanStates.Completed, (double?)null), (completed.State, percentage));
    }

    [Fact]
    public void DryRun_NeverSetsAPercentage_AndARollbackVerdictRestartsTheWindowInsteadOfEndingThePlan()
    {
        var dry = Plan() with { Settings = RolloutPlanSettings.Defaults with { DryRun = true } };

        var (promoted, promotedTo) = dry.After(Evaluation(PlanVerdicts.Promote));
        var (rolledBack, rolledBackTo) = dry.After(Evaluation(PlanVerdicts.Rollback));
        var (_, abortedTo) = dry.Abort(Later, "bob", null);

        Assert.Equal((1, (double?)null), (promoted.CurrentStepIndex, promotedTo));
        Assert.Equal((RolloutPlanStates.Active, Later, (double?)null), (rolledBack.State, rolledBack.StepStartedAt, rolledBackTo));
        Assert.Null(abortedTo);
    }

    [Fact]
    public void After_Inconclusive_PausesWithTheReason_AndKeepsThePercentage()
    {
        var (paused, percentage) = Plan().After(Evaluation(PlanVerdicts.Inconclusive));

        Assert.Equal((RolloutPlanStates.Paused, "why", (double?)null), (paused.State, paused.PausedReason, percentage));
    }

    private static PlanEvaluation Evaluation(string verdict) => new(Later, 0, 5, verdict, "why",
        new StepHealth(Started, 180, 0, 0, 0, 0, 0, 0, null, 0, null, 0, 0, 0));

    private static RolloutPlan Plan() => new(1, "ListCameras", RolloutPlanStates.Active, RolloutPlanSettings.Defaults, 0, Started,
        Started, "op", null, null, null);
}

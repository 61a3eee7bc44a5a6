using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>The step schedule the re-expressed tools follow: roll back when their rule says so, else promote at each window's end.</summary>
internal static class SimulatedSchedule
{
    public static (string Verdict, int Carried) Next(RolloutPlanSettings settings, SimulatedEvaluation evaluation, bool rollback, int carried)
    {
        if (rollback)
        {
            return (PlanVerdicts.Rollback, carried);
        }

        if (evaluation.ObservedSeconds < settings.ObservationSeconds)
        {
            return (PlanVerdicts.Hold, carried);
        }

        return (evaluation.StepIndex == settings.Steps.Count - 1 ? PlanVerdicts.Complete : PlanVerdicts.Promote, carried);
    }
}

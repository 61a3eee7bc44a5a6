using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Plans.Judge;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>The real <see cref="RolloutJudge"/> with the given settings, fed as the plan evaluator feeds it.</summary>
internal sealed class OurJudge(RolloutPlanSettings settings) : ISimulatedJudge
{
    public string Name => "CameraMonitor judge";

    public (string Verdict, int Carried) Decide(SimulatedEvaluation evaluation)
    {
        var verdict = RolloutJudge.Judge(settings, new JudgeInput(evaluation.StepIndex, evaluation.Step.ToEvidence(), evaluation.Plan.ToEvidence(), evaluation.ObservedSeconds, evaluation.Carried));
        return (verdict.Verdict, verdict.ConsecutiveFailures);
    }
}

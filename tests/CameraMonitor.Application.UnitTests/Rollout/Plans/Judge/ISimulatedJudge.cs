namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>A judging rule run over the simulated plans: ours, or Flagger's or Argo Rollouts' defaults re-expressed.</summary>
internal interface ISimulatedJudge
{
    string Name { get; }

    /// <summary>The verdict (one of PlanVerdicts) and the counter to carry to the next evaluation.</summary>
    (string Verdict, int Carried) Decide(SimulatedEvaluation evaluation);
}

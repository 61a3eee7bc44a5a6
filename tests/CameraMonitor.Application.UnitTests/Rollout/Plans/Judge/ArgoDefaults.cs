using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>
/// Argo Rollouts' analysis with its documented success-rate template (<c>successCondition: result[0] &gt;= 0.95</c>
/// over the interval) and its default <c>failureLimit: 0</c>: the first failed measurement aborts the rollout. Argo has
/// no built-in latency or parity metric and no minimum sample count.
/// </summary>
internal sealed class ArgoDefaults(RolloutPlanSettings settings) : ISimulatedJudge
{
    public const double SuccessCondition = 0.95;
    public const int FailureLimit = 0;

    public string Name => "Argo Rollouts defaults";

    public (string Verdict, int Carried) Decide(SimulatedEvaluation evaluation)
    {
        var domain = evaluation.Interval.Domain;
        var failed = evaluation.Carried
            + (domain.Requests > 0 && (double)(domain.Requests - domain.Failures) / domain.Requests < SuccessCondition ? 1 : 0);
        return SimulatedSchedule.Next(settings, evaluation, failed > FailureLimit, failed);
    }
}

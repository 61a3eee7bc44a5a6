using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>
/// Flagger's built-in analysis as its docs configure it: every interval, the canary's request success rate over
/// that interval must be ≥ 99 % and its request duration (p99) ≤ 500 ms; each miss is a failed check, failed checks
/// add up over the analysis, and at the threshold (5) the canary rolls back. No baseline comparison, no minimum
/// sample count, no parity. Promotion follows the same step windows as ours so the streams match.
/// </summary>
internal sealed class FlaggerDefaults(RolloutPlanSettings settings) : ISimulatedJudge
{
    public const double MinSuccessRatePercent = 99;
    public const double MaxP99Ms = 500;
    public const int Threshold = 5;

    public string Name => "Flagger defaults";

    public (string Verdict, int Carried) Decide(SimulatedEvaluation evaluation)
    {
        var domain = evaluation.Interval.Domain;
        var failedChecks = evaluation.Carried;
        if (domain.Requests > 0)
        {
            failedChecks += 100.0 * (domain.Requests - domain.Failures) / domain.Requests < MinSuccessRatePercent ? 1 : 0;
            failedChecks += domain.Histogram().Quantile(0.99) > MaxP99Ms ? 1 : 0;
        }

        return SimulatedSchedule.Next(settings, evaluation, failedChecks >= Threshold, failedChecks);
    }
}

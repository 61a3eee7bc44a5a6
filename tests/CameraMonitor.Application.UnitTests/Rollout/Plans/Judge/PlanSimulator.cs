using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>
/// Walks simulated plans with a judge, one evaluation interval (15 s) at a time. The random numbers of an interval
/// depend only on (seed, plan, interval), so every judge sees the same stream as long as it is at the same step.
/// </summary>
internal static class PlanSimulator
{
    public const int IntervalSeconds = 15;

    /// <summary>A plan still holding after this many intervals (30 min) ends as "held".</summary>
    public const int MaxIntervals = 120;

    public static PlanOutcome Run(ISimulatedJudge judge, RolloutPlanSettings settings, TrafficGenerator traffic, int seed)
    {
        var interval = new SimulatedWindow();
        var step = new SimulatedWindow();
        var plan = new SimulatedWindow();
        int stepIndex = 0, stepIntervals = 0, carried = 0;
        for (var i = 0; i < MaxIntervals; i++)
        {
            traffic.Fill(interval, new SplitMix(unchecked(((ulong)seed << 20) + (ulong)i)), settings.Steps[stepIndex]);
            step.Add(interval);
            plan.Add(interval);
            stepIntervals++;
            var (verdict, next) = judge.Decide(new SimulatedEvaluation(stepIndex, stepIntervals * IntervalSeconds, interval, step, plan, carried));
            carried = next;
            if (verdict == PlanVerdicts.Promote)
            {
                stepIndex++;
                stepIntervals = 0;
                step.Clear();
            }
            else if (verdict != PlanVerdicts.Hold)
            {
                return new PlanOutcome(verdict, plan.Domain.Requests);
            }
        }

        return new PlanOutcome(PlanVerdicts.Hold, plan.Domain.Requests);
    }
}

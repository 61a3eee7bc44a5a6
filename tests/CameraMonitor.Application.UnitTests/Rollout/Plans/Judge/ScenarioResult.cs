using System.Globalization;
using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>One judge over every plan of one scenario.</summary>
internal sealed record ScenarioResult(SimulatedScenario Scenario, string Judge, IReadOnlyList<PlanOutcome> Plans)
{
    public const long DetectionBudget = 300;

    public double RolledBackShare => Share(p => p.Verdict == PlanVerdicts.Rollback);

    public double RolledBackWithinBudgetShare => Share(p => p.Verdict == PlanVerdicts.Rollback && p.DomainRequests <= DetectionBudget);

    public double CompletedShare => Share(p => p.Verdict == PlanVerdicts.Complete);

    public double PausedShare => Share(p => p.Verdict is PlanVerdicts.Inconclusive or PlanVerdicts.Hold);

    public long? MedianDomainRequestsToRollback
    {
        get
        {
            var sorted = Plans.Where(p => p.Verdict == PlanVerdicts.Rollback).Select(p => p.DomainRequests).Order().ToList();
            return sorted.Count == 0 ? null : sorted[(sorted.Count - 1) / 2];
        }
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario.Name} | {Judge} | {Pct(RolledBackShare)} | {Pct(RolledBackWithinBudgetShare)} | {MedianDomainRequestsToRollback?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {Pct(CompletedShare)} | {Pct(PausedShare)} |");

    private double Share(Func<PlanOutcome, bool> predicate) => (double)Plans.Count(predicate) / Plans.Count;

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}

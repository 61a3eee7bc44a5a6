using System.Collections.Concurrent;
using CameraMonitor.Application.Rollout.Plans;
using Xunit.Abstractions;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>
/// The judge's quality, measured: 1,000 seeded plans per scenario (steps 5/10/25/50/100 %, 2-minute windows, 15 s
/// evaluations, ~13 requests/s) run through the real judge with its default thresholds, and through Flagger's and
/// Argo Rollouts' default rules on the same streams. The table is printed and written to judge-simulation.md in the
/// test's output folder; docs/operations.md quotes it. Deterministic: fixed seeds, per-plan random streams.
/// </summary>
public sealed class JudgeSimulationTests(ITestOutputHelper output)
{
    public const int PlansPerScenario = 1000;
    public const int Seed = 20261201;

    private static readonly RolloutPlanSettings Settings = RolloutPlanSettings.Defaults with { ObservationSeconds = 120 };

    private static readonly Lazy<IReadOnlyList<ScenarioResult>> Results = new(RunAll);

    [Fact]
    public void Judge_OnHealthyPlans_RollsBackAtMostOnePercent()
    {
        var healthy = Ours("healthy");

        Assert.True(healthy.RolledBackShare <= 0.01, $"false rollbacks {healthy.RolledBackShare:P1}");
        Assert.True(healthy.CompletedShare >= 0.98, $"completed {healthy.CompletedShare:P1}");
    }

    [Fact]
    public void Judge_WhenDomainFailsFivePointsMore_RollsBackWithinThreeHundredDomainRequests()
    {
        var errors = Ours("errors +5 pt");

        Assert.True(errors.RolledBackWithinBudgetShare >= 0.99, $"caught within 300: {errors.RolledBackWithinBudgetShare:P1}");
    }

    [Fact]
    public void Judge_WhenDomainP95Doubles_RollsBackNinetyFivePercent()
    {
        var latency = Ours("p95 +100 %");

        Assert.True(latency.RolledBackShare >= 0.95, $"caught {latency.RolledBackShare:P1}");
    }

    [Fact]
    public void Judge_WhenParityDriftsFivePercent_RollsBackNearlyAlways()
    {
        var parity = Ours("parity drift 5 %");

        Assert.True(parity.RolledBackShare >= 0.99, $"caught {parity.RolledBackShare:P1}");
    }

    [Fact]
    public void Simulation_WritesTheTable()
    {
        var lines = new List<string>
        {
            "| scenario | judge | rolled back | within 300 domain req. | median domain req. to rollback | completed | paused/held |",
            "|---|---|---|---|---|---|---|",
        };
        lines.AddRange(Results.Value.Select(r => r.Row()));
        var table = string.Join(Environment.NewLine, lines);
        output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "judge-simulation.md"), table + Environment.NewLine);

        Assert.Equal(SimulatedScenario.All.Count * 3, Results.Value.Count);
    }

    private static ScenarioResult Ours(string scenario) =>
        Results.Value.Single(r => r.Scenario.Name == scenario && r.Judge == new OurJudge(Settings).Name);

    private static IReadOnlyList<ScenarioResult> RunAll()
    {
        ISimulatedJudge[] judges = [new OurJudge(Settings), new FlaggerDefaults(Settings), new ArgoDefaults(Settings)];
        var results = new ConcurrentBag<(int Order, ScenarioResult Result)>();
        var work = SimulatedScenario.All.SelectMany((scenario, s) => judges.Select((judge, j) => (scenario, s, judge, j))).ToList();
        Parallel.ForEach(work, item =>
        {
            var traffic = new TrafficGenerator(item.scenario);
            var plans = new PlanOutcome[PlansPerScenario];
            for (var plan = 0; plan < PlansPerScenario; plan++)
            {
                plans[plan] = PlanSimulator.Run(item.judge, Settings, traffic, unchecked(Seed + (item.s * 100_003) + plan));
            }

            results.Add((item.s * judges.Length + item.j, new ScenarioResult(item.scenario, item.judge.Name, plans)));
        });
        return results.OrderBy(r => r.Order).Select(r => r.Result).ToList();
    }
}

using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans;

/// <summary>The decision table of progressive delivery, with the default thresholds (5 % / 95 % / +50 % / 99 %, 20 requests, 300 s).</summary>
public sealed class RolloutPlanDeciderTests
{
    private static readonly RolloutPlanSettings Defaults = new(RolloutPlanSettings.DefaultSteps,
        RolloutPlanSettings.DefaultObservationSeconds, RolloutPlanSettings.DefaultMinRequests,
        RolloutPlanSettings.DefaultMaxErrorRatePercent, RolloutPlanSettings.DefaultMinSuccessRatePercent,
        RolloutPlanSettings.DefaultMaxP95IncreasePercent, RolloutPlanSettings.DefaultMinP95DeltaMs,
        RolloutPlanSettings.DefaultMinParityPercent);

    private static readonly StepHealth Healthy = new(new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc),
        ObservedSeconds: 300, DomainRequests: 100, DomainErrors: 0, LegacyRequests: 900, LegacyErrors: 0,
        FallbackRequests: 0, FallbackErrors: 0, DomainP95Ms: 20, DomainLatencySamples: 100, LegacyP95Ms: 20, LegacyLatencySamples: 900, ParityCompared: 100, ParityMismatched: 0);

    public static TheoryData<string, StepHealth, int, string, string> Table() => new()
    {
        // case, measured, step index, verdict, the reason must contain
        { "healthy after the window", Healthy, 0, PlanVerdicts.Promote, "promoted to 10 %" },
        { "healthy at the last step", Healthy, 4, PlanVerdicts.Complete, "plan complete" },
        { "too few requests", Healthy with { DomainRequests = 19 }, 0, PlanVerdicts.Hold, "19 of 20 domain requests" },
        { "too few requests, all failing", Healthy with { DomainRequests = 19, DomainErrors = 19, FallbackRequests = 19 }, 0, PlanVerdicts.Hold, "waiting for traffic" },
        { "healthy, window not over", Healthy with { ObservedSeconds = 299.5 }, 1, PlanVerdicts.Hold, "observing 10 %: 299 of 300 s" },
        { "error rate 6 %", Healthy with { DomainErrors = 6, FallbackRequests = 6 }, 1, PlanVerdicts.Rollback, "error rate 6 % > 5 %" },
        { "error rate 6 % before the window is over", Healthy with { DomainErrors = 6, FallbackRequests = 6, ObservedSeconds = 10 }, 0, PlanVerdicts.Rollback, "error rate" },
        { "error rate exactly 5 %", Healthy with { DomainErrors = 5, FallbackRequests = 5 }, 0, PlanVerdicts.Promote, "promoted" },
        { "success rate 94 % (legacy failing)", Healthy with { LegacyRequests = 100, LegacyErrors = 12 }, 2, PlanVerdicts.Rollback, "success rate 94 % < 95 %" },
        { "success rate exactly 95 %", Healthy with { LegacyRequests = 100, LegacyErrors = 10 }, 2, PlanVerdicts.Promote, "promoted to 50 %" },
        { "p95 +60 % and 12 ms over legacy", Healthy with { DomainP95Ms = 32 }, 3, PlanVerdicts.Rollback, "p95 latency 32 ms is 60 % over legacy 20 ms" },
        { "p95 +50 % exactly", Healthy with { DomainP95Ms = 30 }, 3, PlanVerdicts.Promote, "promoted to 100 %" },
        { "p95 +100 % but only 1 ms over legacy", Healthy with { DomainP95Ms = 2, LegacyP95Ms = 1 }, 0, PlanVerdicts.Promote, "promoted" },
        { "p95 +60 % over only 19 domain latencies", Healthy with { DomainP95Ms = 32, DomainLatencySamples = 19 }, 0, PlanVerdicts.Promote, "promoted" },
        { "p95 +60 % over only 19 legacy latencies", Healthy with { DomainP95Ms = 32, LegacyLatencySamples = 19 }, 0, PlanVerdicts.Promote, "promoted" },
        { "no legacy latency to compare", Healthy with { LegacyP95Ms = null }, 0, PlanVerdicts.Promote, "vs legacy n/a" },
        { "parity 98 %", Healthy with { ParityMismatched = 2 }, 0, PlanVerdicts.Rollback, "parity 98 % < 99 %" },
        { "parity exactly 99 %", Healthy with { ParityMismatched = 1 }, 0, PlanVerdicts.Promote, "parity 99 %" },
        { "parity not sampled", Healthy with { ParityCompared = 0 }, 0, PlanVerdicts.Promote, "parity not sampled" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_FollowsTheTable(string @case, StepHealth health, int stepIndex, string verdict, string reason)
    {
        var decision = RolloutPlanDecider.Decide(Defaults, stepIndex, health);

        Assert.True(decision.Verdict == verdict, $"{@case}: expected {verdict}, got {decision.Verdict} ({decision.Reason})");
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WhenSeveralThresholdsAreBreached_NamesTheErrorRateFirst()
    {
        var decision = RolloutPlanDecider.Decide(Defaults, 0,
            Healthy with { DomainErrors = 50, FallbackRequests = 50, FallbackErrors = 50, DomainP95Ms = 500, ParityMismatched = 50 });

        Assert.Equal(PlanVerdicts.Rollback, decision.Verdict);
        Assert.StartsWith("rolled back from 5 %: error rate 50 % > 5 %", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UsesTheOverriddenThresholds()
    {
        var lenient = Defaults with { MaxErrorRatePercent = 10, MinRequests = 5, ObservationSeconds = 60 };

        var decision = RolloutPlanDecider.Decide(lenient, 0,
            Healthy with { DomainRequests = 10, DomainErrors = 1, FallbackRequests = 1, ObservedSeconds = 60 });

        Assert.Equal(PlanVerdicts.Promote, decision.Verdict);
    }
}

using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Plans.Judge;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>The judge's rules on hand-made evidence, with the default settings (2-minute window).</summary>
public sealed class RolloutJudgeTests
{
    private static readonly RolloutPlanSettings Defaults = RolloutPlanSettings.Defaults with { ObservationSeconds = 120 };
    private static readonly DateTime At = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Judge_HealthyEvidenceAfterTheWindow_Promotes_NamingEveryCheck()
    {
        var verdict = RolloutJudge.Judge(Defaults, Input(Healthy(), observed: 120));

        Assert.Equal(PlanVerdicts.Promote, verdict.Verdict);
        Assert.All(verdict.Checks, c => Assert.Equal(CheckOutcomes.Pass, c.Outcome));
        Assert.Contains("promoted to 10 %", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OneUnluckyRequest_DoesNotRollBack()
    {
        var verdict = RolloutJudge.Judge(Defaults, Input(Healthy(domain: Path(1, 1)), observed: 10));

        Assert.Equal(PlanVerdicts.Hold, verdict.Verdict);
        Assert.Equal(0, verdict.ConsecutiveFailures);
    }

    [Fact]
    public void Judge_FailingDomainBehindAZeroErrorLegacy_RollsBackAtOnce()
    {
        // Kayenta's flaw: a ratio against a zero-error baseline is undefined and the canary passes.
        var verdict = RolloutJudge.Judge(Defaults, Input(Healthy(domain: Path(120, 9), legacy: Path(2000, 0)), observed: 30));

        Assert.Equal(PlanVerdicts.Rollback, verdict.Verdict);
        Assert.Contains("at once: sequential test failed for errors: domain 9 of 120", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HardBreach_RollsBackAtOnce_WhateverTheFailureLimit()
    {
        var settings = Defaults with { FailureLimit = 10, DisabledChecks = [JudgeChecks.Latency] };

        var verdict = RolloutJudge.Judge(settings, Input(Healthy(domain: Path(60, 30), legacy: Path(10, 0)), observed: 10));

        Assert.Equal(PlanVerdicts.Rollback, verdict.Verdict);
        Assert.Contains("hard breach of errors", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ASnapshotCheckFailing_HoldsUntilTheFailureLimit_ThenRollsBack()
    {
        var drifting = Healthy() with { ParityCompared = 400, ParityMismatched = 40 };

        var first = RolloutJudge.Judge(Defaults, Input(drifting, observed: 30));
        var second = RolloutJudge.Judge(Defaults, Input(drifting, observed: 45, failures: first.ConsecutiveFailures));
        var healthyAgain = RolloutJudge.Judge(Defaults, Input(Healthy(), observed: 45, failures: first.ConsecutiveFailures));

        Assert.Equal((PlanVerdicts.Hold, 1), (first.Verdict, first.ConsecutiveFailures));
        Assert.Contains("failing at 5 % (1 of 2 in a row", first.Reason, StringComparison.Ordinal);
        Assert.Equal((PlanVerdicts.Rollback, 2), (second.Verdict, second.ConsecutiveFailures));
        Assert.Contains("parity: 360 of 400 samples matched", second.Reason, StringComparison.Ordinal);
        Assert.Equal(0, healthyAgain.ConsecutiveFailures);
    }

    [Fact]
    public void Judge_WindowEndsWithoutParitySamples_IsInconclusive_NamingTheCheck()
    {
        var verdict = RolloutJudge.Judge(Defaults, Input(Healthy() with { ParityCompared = 0, ParityMismatched = 0 }, observed: 120));

        Assert.Equal(PlanVerdicts.Inconclusive, verdict.Verdict);
        Assert.Contains("parity (0 of 50 parity samples needed", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_DisabledAndDryRunChecks_NeitherBlockNorRollBack()
    {
        var settings = Defaults with { DisabledChecks = [JudgeChecks.Parity], DryRunChecks = [JudgeChecks.Latency] };
        var slow = Healthy(domain: Path(500, 1, latencyMs: 80));

        var verdict = RolloutJudge.Judge(settings, Input(slow with { ParityCompared = 0 }, observed: 120));

        Assert.Equal(PlanVerdicts.Promote, verdict.Verdict);
        Assert.Equal(CheckOutcomes.Disabled, verdict.Checks.Single(c => c.Check == JudgeChecks.Parity).Outcome);
        var latency = verdict.Checks.Single(c => c.Check == JudgeChecks.Latency);
        Assert.Equal((CheckOutcomes.Fail, true), (latency.Outcome, latency.DryRun));
    }

    [Fact]
    public void Judge_LatencyNoiseOverFewSamples_DoesNotFail_ButADoubledP95OverEnoughDoes()
    {
        var few = RolloutJudge.Judge(Defaults, Input(Healthy(domain: Path(25, 0, latencyMs: 20)), observed: 30));
        var many = RolloutJudge.Judge(Defaults, Input(Healthy(domain: Path(500, 0, latencyMs: 20)), observed: 30));

        Assert.Equal(CheckOutcomes.Insufficient, few.Checks.Single(c => c.Check == JudgeChecks.Latency).Outcome);
        Assert.Equal(CheckOutcomes.Fail, many.Checks.Single(c => c.Check == JudgeChecks.Latency).Outcome);
    }

    [Fact]
    public void Judge_ASilentInstance_HoldsInsteadOfPromoting()
    {
        var step = Healthy() with { Instances = [new InstanceEvidence("a", At, Silent: true, 10, 0)] };

        var verdict = RolloutJudge.Judge(Defaults, Input(step, observed: 120));

        Assert.Equal(PlanVerdicts.Hold, verdict.Verdict);
        Assert.Contains("instance(s) a stopped reporting", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_SameEvidence_SameVerdict()
    {
        var input = Input(Healthy(domain: Path(300, 7)), observed: 60, failures: 1);

        Assert.Equal(RolloutJudge.Judge(Defaults, input).Reason, RolloutJudge.Judge(Defaults, input).Reason);
    }

    private static JudgeInput Input(EndpointEvidence step, double observed, int failures = 0) =>
        new(0, step, step, observed, failures);

    private static EndpointEvidence Healthy(PathEvidence? domain = null, PathEvidence? legacy = null) => new("ListCameras", At, At,
        domain ?? Path(500, 2), legacy ?? Path(5000, 25), PathEvidence.Empty(),
        new SteeredEvidence(PathEvidence.Empty(), PathEvidence.Empty(), PathEvidence.Empty()), 500, 0, 0, 0, []);

    /// <summary>A path whose latencies are spread evenly from half to one and a half times <paramref name="latencyMs"/>.</summary>
    private static PathEvidence Path(long requests, long failures, double latencyMs = 10)
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < requests; i++)
        {
            histogram.Record(latencyMs * (0.5 + (double)i / requests));
        }

        return new PathEvidence(requests, failures, histogram);
    }
}

using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans;

public sealed class RolloutStepObserverTests : IDisposable
{
    private const string Endpoint = "ListCameras";
    private static readonly DateTime Started = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RolloutMetrics _metrics;
    private readonly RolloutStepObserver _observer;

    public RolloutStepObserverTests()
    {
        _metrics = new RolloutMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        _observer = new RolloutStepObserver(_metrics);
    }

    [Fact]
    public void Measure_CountsOnlyWhatHappenedSinceTheStepBegan()
    {
        Record("domain", 1000, times: 10, failed: true);
        Record("legacy", 1000, times: 10);
        _metrics.RecordParityCompared(Endpoint, matched: false);
        _observer.Begin(Plan(0), Started);

        Record("domain", 4, times: 18);
        Record("domain", 8, times: 2, failed: true);
        Record("legacy-fallback", 6, times: 2);
        Record("legacy", 2, times: 30);
        _metrics.RecordParityCompared(Endpoint, matched: true);

        var health = Measure(Plan(0), Started.AddSeconds(90));

        Assert.Equal((20L, 2L, 30L, 0L, 2L, 0L), (health.DomainRequests, health.DomainErrors, health.LegacyRequests,
            health.LegacyErrors, health.FallbackRequests, health.FallbackErrors));
        Assert.Equal((20, 30), (health.DomainLatencySamples, health.LegacyLatencySamples));
        // Percentiles come from the histogram: the bucket's middle, within its ~10 % width.
        Assert.InRange(health.DomainP95Ms!.Value, 7.6, 8.4);
        Assert.InRange(health.LegacyP95Ms!.Value, 1.9, 2.1);
        Assert.Equal((1L, 0L), (health.ParityCompared, health.ParityMismatched));
        Assert.Equal((Started, 90d), (health.WindowStartedAt, health.ObservedSeconds));
    }

    [Fact]
    public void Measure_AStepSeenForTheFirstTime_StartsItsWindowThen()
    {
        Record("domain", 5, times: 50, failed: true);

        var health = Measure(Plan(2), Started.AddSeconds(30));

        Assert.Equal((0L, 0d, Started.AddSeconds(30)), (health.DomainRequests, health.ObservedSeconds, health.WindowStartedAt));
    }

    [Fact]
    public void Measure_AfterAPromotionSeenLate_ResetsTheWindow()
    {
        _observer.Begin(Plan(0), Started);
        Record("domain", 5, times: 50);

        var health = Measure(Plan(1) with { StepStartedAt = Started.AddSeconds(100) }, Started.AddSeconds(120));

        Assert.Equal((0L, 0d), (health.DomainRequests, health.ObservedSeconds));
    }

    [Fact]
    public async Task MeasureAsync_AfterAPromotion_KeepsThePlansEvidenceSinceItStarted()
    {
        _observer.Begin(Plan(0), Started);
        Record("legacy", 3, times: 20);
        Record("domain", 4, times: 5, failed: true);

        var evidence = await _observer.MeasureAsync(Plan(1) with { StepStartedAt = Started.AddSeconds(60) }, Started.AddSeconds(60),
            CancellationToken.None);

        Assert.Equal((0L, 20L, 5L, 5L), (evidence.Step.Legacy.Requests, evidence.Plan.Legacy.Requests, evidence.Plan.Domain.Requests,
            evidence.Plan.Domain.Failures));
    }

    [Fact]
    public void Retain_DropsTheWindowsOfPlansNoLongerActive()
    {
        _observer.Begin(Plan(0), Started);
        _observer.Begin(Plan(0) with { Id = 2 }, Started);
        Record("domain", 5, times: 30);

        _observer.Retain([2]);

        Assert.Equal(0, Measure(Plan(0), Started.AddSeconds(60)).DomainRequests);
        Assert.Equal(30, Measure(Plan(0) with { Id = 2 }, Started.AddSeconds(60)).DomainRequests);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private StepHealth Measure(RolloutPlan plan, DateTime now)
    {
        var evidence = _observer.MeasureAsync(plan, now, CancellationToken.None).GetAwaiter().GetResult();
        return StepHealth.From(evidence.Step, evidence.WindowStartedAt, (now - evidence.WindowStartedAt).TotalSeconds);
    }

    private static RolloutPlan Plan(int step) => new(1, Endpoint, RolloutPlanStates.Active,
        new RolloutPlanSettings(RolloutPlanSettings.DefaultSteps, 300, 20, 5, 95, 50, 5, 99), step, Started, Started, "op",
        null, null, null);

    private void Record(string path, double ms, int times, bool failed = false)
    {
        for (var i = 0; i < times; i++)
        {
            _metrics.RecordAttempt(Endpoint, path, ms, failed);
        }
    }
}

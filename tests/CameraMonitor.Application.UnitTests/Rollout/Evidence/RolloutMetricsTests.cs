using CameraMonitor.Application.Rollout.Evidence;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.UnitTests.Rollout.Evidence;

public sealed class RolloutMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RolloutMetrics _metrics;

    public RolloutMetricsTests() =>
        _metrics = new RolloutMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    [Fact]
    public void Report_PercentilesComeFromTheLatencyWindow()
    {
        for (var ms = 1; ms <= 100; ms++)
        {
            _metrics.RecordAttempt("E", "domain", ms, failed: ms % 10 == 0);
        }

        var domain = _metrics.Report(["E"]).Endpoints.Single().Paths.Single(p => p.Path == "domain");

        Assert.Equal((100, 10, 100), (domain.Requests, domain.Errors, domain.WindowSamples));
        Assert.Equal((50d, 95d, 99d), (domain.P50Ms, domain.P95Ms, domain.P99Ms));
    }

    [Fact]
    public void Report_TheWindowKeepsOnlyTheLatestLatencies_WhileCountsKeepEverything()
    {
        for (var i = 0; i < RolloutMetrics.WindowSize; i++)
        {
            _metrics.RecordAttempt("E", "legacy", 1000, failed: false);
        }

        for (var i = 0; i < RolloutMetrics.WindowSize; i++)
        {
            _metrics.RecordAttempt("E", "legacy", 5, failed: false);
        }

        var legacy = _metrics.Report(["E"]).Endpoints.Single().Paths.Single(p => p.Path == "legacy");

        Assert.Equal(2 * RolloutMetrics.WindowSize, legacy.Requests);
        Assert.Equal(RolloutMetrics.WindowSize, legacy.WindowSamples);
        Assert.Equal(5, legacy.P99Ms);
    }

    [Fact]
    public void Report_AnEndpointWithoutTraffic_HasZerosAndNoPercentiles()
    {
        var endpoint = _metrics.Report(["Quiet"]).Endpoints.Single();

        Assert.All(endpoint.Paths, p => Assert.Equal((0L, (double?)null), (p.Requests, p.P50Ms)));
        Assert.Equal(0, endpoint.DroppedSamples);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }
}

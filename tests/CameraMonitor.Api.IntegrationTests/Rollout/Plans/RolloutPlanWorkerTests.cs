using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>The background worker evaluates on its interval of the injected clock: nothing before, a promotion after.</summary>
public sealed class RolloutPlanWorkerTests(RolloutPlanWorkerFixture api) : IClassFixture<RolloutPlanWorkerFixture>
{
    private const string Endpoint = "ListCameras";

    [Fact]
    public async Task Worker_WhenTheIntervalPasses_PromotesAHealthyPlan()
    {
        using var operatorClient = api.CreateClientWithKey(ApiFixture.OperatorKey);
        await operatorClient.StartPlanAsync(Endpoint,
            new { steps = new[] { 20, 60 }, observation_seconds = 5, min_requests = 3, max_p95_increase_percent = 10_000 });
        await api.Client.CamerasAsync(3, forceDomain: true);
        await api.Client.CamerasAsync(3, forceDomain: false);

        api.Clock.Advance(TimeSpan.FromSeconds(RolloutPlanWorkerFixture.IntervalSeconds));
        await AdminApi.EventuallyAsync(async () => (await operatorClient.GetPlanAsync(Endpoint)).GetProperty("current_percentage").GetInt32() == 60,
            TimeSpan.FromSeconds(10), "the worker promoting the plan to 60 %");

        var plan = await operatorClient.GetPlanAsync(Endpoint);
        Assert.Equal(("active", "promote"), (plan.Str("state"), plan.GetProperty("last_evaluation").Str("verdict")));
        Assert.Equal(60, (await operatorClient.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
    }
}

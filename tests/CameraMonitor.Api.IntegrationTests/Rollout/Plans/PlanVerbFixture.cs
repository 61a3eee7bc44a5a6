using Microsoft.AspNetCore.Hosting;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>The plan fixture with webhook retries fast enough for a test (3 attempts, 50 ms then 100 ms apart).</summary>
public sealed class PlanVerbFixture : RolloutPlanFixture
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("Rollout:Plans:Webhook:MaxAttempts", "3");
        builder.UseSetting("Rollout:Plans:Webhook:FirstRetryDelaySeconds", "0.05");
        builder.UseSetting("Rollout:Plans:Webhook:TimeoutSeconds", "5");
    }
}

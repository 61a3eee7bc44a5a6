using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>
/// The API with its plan worker off (Rollout:Plans:EvaluationIntervalSeconds = 0): the tests drive every
/// evaluation themselves through <c>RolloutPlanEvaluator</c>, so nothing acts behind their back.
/// </summary>
public class RolloutPlanFixture : ApiFixture
{
    protected virtual string EvaluationIntervalSeconds => "0";

    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.UseSetting("Rollout:Plans:EvaluationIntervalSeconds", EvaluationIntervalSeconds);
}

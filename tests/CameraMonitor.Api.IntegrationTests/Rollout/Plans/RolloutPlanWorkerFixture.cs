namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>The API with its plan worker on, every 10 s of the fixture's fake clock.</summary>
public sealed class RolloutPlanWorkerFixture : RolloutPlanFixture
{
    public const int IntervalSeconds = 10;

    protected override string EvaluationIntervalSeconds => IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

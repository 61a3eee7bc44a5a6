namespace CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;

/// <summary>The optional JSON body of POST …/endpoints/{name}/plan (snake_case); a member left out takes its default.</summary>
public sealed record StartRolloutPlanBody(
    IReadOnlyList<int>? Steps = null,
    int? ObservationSeconds = null,
    int? MinRequests = null,
    double? MaxErrorRatePercent = null,
    double? MinSuccessRatePercent = null,
    double? MaxP95IncreasePercent = null,
    double? MinP95DeltaMs = null,
    double? MinParityPercent = null,
    string? Reason = null,
    double? MinErrorRateIncreasePercent = null,
    double? HardErrorRatePercent = null,
    double? Confidence = null,
    int? FailureLimit = null,
    int? MinLatencySamples = null,
    int? MinParitySamples = null,
    IReadOnlyList<string>? DisabledChecks = null,
    IReadOnlyList<string>? DryRunChecks = null,
    bool? DryRun = null,
    string? WebhookUrl = null,
    string? WebhookSecret = null)
{
    public StartRolloutPlanCommand ToCommand(string endpoint, string actor) => new(endpoint, actor, Reason, Steps,
        ObservationSeconds, MinRequests, MaxErrorRatePercent, MinSuccessRatePercent, MaxP95IncreasePercent, MinP95DeltaMs,
        MinParityPercent, MinErrorRateIncreasePercent, HardErrorRatePercent, Confidence, FailureLimit, MinLatencySamples,
        MinParitySamples, DisabledChecks, DryRunChecks, DryRun, WebhookUrl, WebhookSecret);
}

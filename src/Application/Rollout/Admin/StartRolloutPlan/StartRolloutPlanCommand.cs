using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;

/// <summary>POST /api/v1/admin/rollout/endpoints/{name}/plan: walk the endpoint through the steps, judged by the thresholds.</summary>
/// <param name="Actor">The owner of the API key that asked, for the audit row of the first step.</param>
/// <param name="WebhookUrl">Where this plan's events go (else Rollout:Plans:Webhook:Url, if set).</param>
/// <param name="WebhookSecret">The HMAC key of those events (else Rollout:Plans:Webhook:Secret).</param>
public sealed record StartRolloutPlanCommand(
    string Endpoint,
    string Actor,
    string? Reason,
    IReadOnlyList<int>? Steps,
    int? ObservationSeconds,
    int? MinRequests,
    double? MaxErrorRatePercent,
    double? MinSuccessRatePercent,
    double? MaxP95IncreasePercent,
    double? MinP95DeltaMs,
    double? MinParityPercent,
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
    string? WebhookSecret = null) : IRequest<RolloutPlan>
{
    public RolloutPlanSettings ToSettings()
    {
        var d = RolloutPlanSettings.Defaults;
        return new(
            Steps ?? d.Steps,
            ObservationSeconds ?? d.ObservationSeconds,
            MinRequests ?? d.MinRequests,
            MaxErrorRatePercent ?? d.MaxErrorRatePercent,
            MinSuccessRatePercent ?? d.MinSuccessRatePercent,
            MaxP95IncreasePercent ?? d.MaxP95IncreasePercent,
            MinP95DeltaMs ?? d.MinP95DeltaMs,
            MinParityPercent ?? d.MinParityPercent,
            MinErrorRateIncreasePercent ?? d.MinErrorRateIncreasePercent,
            HardErrorRatePercent ?? d.HardErrorRatePercent,
            Confidence ?? d.Confidence,
            FailureLimit ?? d.FailureLimit,
            MinLatencySamples ?? d.MinLatencySamples,
            MinParitySamples ?? d.MinParitySamples,
            DisabledChecks is { Count: > 0 } ? DisabledChecks : null,
            DryRunChecks is { Count: > 0 } ? DryRunChecks : null,
            DryRun ?? false);
    }
}

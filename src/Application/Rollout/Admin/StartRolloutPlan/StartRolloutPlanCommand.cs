using System.Text.Json.Serialization;
using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;

/// <summary>
/// POST /api/v1/admin/rollout/endpoints/{name}/plan: walk the endpoint through the steps, judged by the thresholds. The
/// record is also the optional JSON body (snake_case): a member left out takes its default; the endpoint and the actor
/// come from the route and the caller, never from the body.
/// </summary>
/// <param name="WebhookUrl">Where this plan's events go (else Rollout:Plans:Webhook:Url, if set).</param>
/// <param name="WebhookSecret">The HMAC key of those events (else Rollout:Plans:Webhook:Secret).</param>
public sealed record StartRolloutPlanCommand(
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
    string? WebhookSecret = null) : IRequest<RolloutPlan>
{
    /// <summary>The endpoint the plan walks (from the route).</summary>
    [JsonIgnore]
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>The owner of the API key that asked, for the audit row of the first step.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = string.Empty;

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

using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;

/// <summary>POST /api/v1/admin/rollout/endpoints/{name}/plan: walk the endpoint through the steps, judged by the thresholds.</summary>
/// <param name="Actor">The owner of the API key that asked, for the audit row of the first step.</param>
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
    double? MinParityPercent) : IRequest<RolloutPlan>
{
    public RolloutPlanSettings ToSettings() => new(
        Steps ?? RolloutPlanSettings.DefaultSteps,
        ObservationSeconds ?? RolloutPlanSettings.DefaultObservationSeconds,
        MinRequests ?? RolloutPlanSettings.DefaultMinRequests,
        MaxErrorRatePercent ?? RolloutPlanSettings.DefaultMaxErrorRatePercent,
        MinSuccessRatePercent ?? RolloutPlanSettings.DefaultMinSuccessRatePercent,
        MaxP95IncreasePercent ?? RolloutPlanSettings.DefaultMaxP95IncreasePercent,
        MinP95DeltaMs ?? RolloutPlanSettings.DefaultMinP95DeltaMs,
        MinParityPercent ?? RolloutPlanSettings.DefaultMinParityPercent);
}

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>The steps and the health thresholds of one plan (stored as jsonb in rollout_plans.settings).</summary>
/// <param name="Steps">Percentages walked in order, strictly ascending, each 1–100.</param>
/// <param name="ObservationSeconds">How long a step must stay healthy before it is promoted.</param>
/// <param name="MinRequests">Domain requests (percentage-split, summed over the cluster) a step needs before any verdict but hold.</param>
/// <param name="MaxErrorRatePercent">Roll back when more than this share of domain attempts failed.</param>
/// <param name="MinSuccessRatePercent">Roll back when fewer than this share of all the endpoint's requests in the step (any path) were answered without a server error.</param>
/// <param name="MaxP95IncreasePercent">Roll back when the domain p95 is more than this much above the legacy p95 …</param>
/// <param name="MinP95DeltaMs">… and also more than this many milliseconds above it (sub-millisecond jitter is not a regression).</param>
/// <param name="MinParityPercent">Roll back when parity accuracy in the step falls below this (judged only when samples were compared).</param>
public sealed record RolloutPlanSettings(
    IReadOnlyList<int> Steps,
    int ObservationSeconds,
    int MinRequests,
    double MaxErrorRatePercent,
    double MinSuccessRatePercent,
    double MaxP95IncreasePercent,
    double MinP95DeltaMs,
    double MinParityPercent)
{
    public static readonly IReadOnlyList<int> DefaultSteps = [5, 10, 25, 50, 100];
    public const int DefaultObservationSeconds = 300;
    public const int DefaultMinRequests = 20;
    public const double DefaultMaxErrorRatePercent = 5;
    public const double DefaultMinSuccessRatePercent = 95;
    public const double DefaultMaxP95IncreasePercent = 50;
    public const double DefaultMinP95DeltaMs = 5;
    public const double DefaultMinParityPercent = 99;
}

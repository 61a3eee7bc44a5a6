namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// The steps, the thresholds and the judge's knobs of one plan (stored as jsonb in rollout_plans.settings). The
/// members after <paramref name="MinParityPercent"/> came with the judge: rows stored before it lack them and take
/// the defaults when read. docs/operations.md explains each default.
/// </summary>
/// <param name="Steps">Percentages walked in order, strictly ascending, each 1–100.</param>
/// <param name="ObservationSeconds">How long a step is observed before it can be promoted.</param>
/// <param name="MinRequests">Domain requests (and, for the success rate, answers) the error checks need before they judge.</param>
/// <param name="MaxErrorRatePercent">Absolute limit: fail when the domain failure rate is above it with <paramref name="Confidence"/>.</param>
/// <param name="MinSuccessRatePercent">Fail when the share of answers without a server error (any path) is below it with <paramref name="Confidence"/>.</param>
/// <param name="MaxP95IncreasePercent">Fail when the domain p95's lower confidence bound is more than this above legacy's upper bound …</param>
/// <param name="MinP95DeltaMs">… and also more than this many milliseconds above it (the minimum practical difference).</param>
/// <param name="MinParityPercent">Fail when the upper confidence bound of parity accuracy in the step is below it.</param>
/// <param name="MinErrorRateIncreasePercent">Relative limit: fail when the domain failure rate exceeds legacy's by more than these points with <paramref name="Confidence"/>.</param>
/// <param name="HardErrorRatePercent">A domain failure rate above this with 99.9 % posterior probability rolls back at once, whatever the failure limit.</param>
/// <param name="Confidence">Posterior probability (errors) or one-sided confidence (latency, parity) a check needs to fail.</param>
/// <param name="FailureLimit">Consecutive failing evaluations before a rollback.</param>
/// <param name="MinLatencySamples">Latencies each side needs before the latency check judges.</param>
/// <param name="MinParitySamples">Parity samples the step needs before the parity check judges.</param>
/// <param name="DisabledChecks">Checks (names of <c>JudgeChecks</c>) not run at all.</param>
/// <param name="DryRunChecks">Checks run and recorded whose failures never count toward a rollback.</param>
/// <param name="DryRun">Judge and record every verdict but never change the percentage.</param>
public sealed record RolloutPlanSettings(
    IReadOnlyList<int> Steps,
    int ObservationSeconds,
    int MinRequests,
    double MaxErrorRatePercent,
    double MinSuccessRatePercent,
    double MaxP95IncreasePercent,
    double MinP95DeltaMs,
    double MinParityPercent,
    double MinErrorRateIncreasePercent = RolloutPlanSettings.DefaultMinErrorRateIncreasePercent,
    double HardErrorRatePercent = RolloutPlanSettings.DefaultHardErrorRatePercent,
    double Confidence = RolloutPlanSettings.DefaultConfidence,
    int FailureLimit = RolloutPlanSettings.DefaultFailureLimit,
    int MinLatencySamples = RolloutPlanSettings.DefaultMinLatencySamples,
    int MinParitySamples = RolloutPlanSettings.DefaultMinParitySamples,
    IReadOnlyList<string>? DisabledChecks = null,
    IReadOnlyList<string>? DryRunChecks = null,
    bool DryRun = false)
{
    public static readonly IReadOnlyList<int> DefaultSteps = [5, 10, 25, 50, 100];
    public const int DefaultObservationSeconds = 300;
    public const int DefaultMinRequests = 50;
    public const double DefaultMaxErrorRatePercent = 5;
    public const double DefaultMinSuccessRatePercent = 95;
    public const double DefaultMaxP95IncreasePercent = 25;
    public const double DefaultMinP95DeltaMs = 5;
    public const double DefaultMinParityPercent = 99;
    public const double DefaultMinErrorRateIncreasePercent = 3;
    public const double DefaultHardErrorRatePercent = 10;
    public const double DefaultConfidence = 0.99;
    public const int DefaultFailureLimit = 2;
    public const int DefaultMinLatencySamples = 50;
    public const int DefaultMinParitySamples = 50;

    /// <summary>Every default: what a plan started without a body uses.</summary>
    public static RolloutPlanSettings Defaults { get; } = new(DefaultSteps, DefaultObservationSeconds, DefaultMinRequests,
        DefaultMaxErrorRatePercent, DefaultMinSuccessRatePercent, DefaultMaxP95IncreasePercent, DefaultMinP95DeltaMs,
        DefaultMinParityPercent);

    public bool IsEnabled(string check) => DisabledChecks?.Contains(check, StringComparer.Ordinal) != true;

    public bool IsDryRun(string check) => DryRunChecks?.Contains(check, StringComparer.Ordinal) == true;
}

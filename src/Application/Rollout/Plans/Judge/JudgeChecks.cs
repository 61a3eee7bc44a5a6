namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>The names of the judge's checks (as used in <see cref="RolloutPlanSettings.DisabledChecks"/> and the reports).</summary>
public static class JudgeChecks
{
    public const string Errors = "errors";
    public const string SuccessRate = "success_rate";
    public const string Latency = "latency";
    public const string Parity = "parity";

    public static readonly IReadOnlyList<string> All = [Errors, SuccessRate, Latency, Parity];
}

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>The "Rollout:Plans" configuration section.</summary>
public sealed class RolloutPlanOptions
{
    public const string SectionName = "Rollout:Plans";

    public const double MaxEvaluationIntervalSeconds = 3600;

    /// <summary>Seconds between evaluations of the active plans; 0 = this instance never evaluates plans.</summary>
    public double EvaluationIntervalSeconds { get; set; } = 15;
}

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>A plan as it is to be stored, and the endpoint percentage to set with it (null: unchanged).</summary>
public sealed record PlanUpdate(RolloutPlan Plan, double? Percentage);

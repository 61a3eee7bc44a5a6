namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>The life of a rollout plan, as stored in rollout_plans.state and shown by the API.</summary>
public static class RolloutPlanStates
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string RolledBack = "rolled_back";
    public const string Cancelled = "cancelled";
}

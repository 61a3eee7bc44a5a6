namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>The life of a rollout plan, as stored in rollout_plans.state and shown by the API.</summary>
public static class RolloutPlanStates
{
    public const string Active = "active";

    /// <summary>Not judged until resumed; the percentage stays. Set by an operator or by an inconclusive window.</summary>
    public const string Paused = "paused";

    public const string Completed = "completed";
    public const string RolledBack = "rolled_back";
    public const string Cancelled = "cancelled";

    /// <summary>Ended by an operator at 0 %.</summary>
    public const string Aborted = "aborted";

    /// <summary>Active or paused: the plan still owns its endpoint.</summary>
    public static bool IsOpen(string state) => state is Active or Paused;
}

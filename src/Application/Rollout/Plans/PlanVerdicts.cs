namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>What one evaluation of a step concluded.</summary>
public static class PlanVerdicts
{
    /// <summary>Keep the current step: the window has not passed yet, or a check fails fewer times in a row than the failure limit.</summary>
    public const string Hold = "hold";

    /// <summary>Healthy for the whole window: go to the next step.</summary>
    public const string Promote = "promote";

    /// <summary>Healthy at the last step: the plan is done and the percentage stays.</summary>
    public const string Complete = "complete";

    /// <summary>A threshold was breached: percentage 0 and the plan ends.</summary>
    public const string Rollback = "rollback";

    /// <summary>The window ended without enough evidence for an enabled check: the plan pauses and names the check.</summary>
    public const string Inconclusive = "inconclusive";
}

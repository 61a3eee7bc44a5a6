namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>The events a plan's webhook receives (the "type" of the JSON payload).</summary>
public static class PlanEventTypes
{
    public const string Started = "plan.started";
    public const string Promoted = "plan.promoted";
    public const string RolledBack = "plan.rolled_back";
    public const string Completed = "plan.completed";
    public const string Inconclusive = "plan.inconclusive";
    public const string Paused = "plan.paused";
    public const string Resumed = "plan.resumed";
    public const string Aborted = "plan.aborted";
    public const string Cancelled = "plan.cancelled";

    /// <summary>A dry-run plan's judge would have rolled back (the plan goes on).</summary>
    public const string WouldRollBack = "plan.would_roll_back";

    /// <summary>The event of a judge's verdict; null for hold (no event).</summary>
    public static string? OfVerdict(string verdict, bool dryRun) => verdict switch
    {
        PlanVerdicts.Promote => Promoted,
        PlanVerdicts.Rollback => dryRun ? WouldRollBack : RolledBack,
        PlanVerdicts.Complete => Completed,
        PlanVerdicts.Inconclusive => Inconclusive,
        _ => null,
    };

    /// <summary>The event of an operator verb.</summary>
    public static string OfVerb(string verb) => verb switch
    {
        PlanVerbs.Pause => Paused,
        PlanVerbs.Resume => Resumed,
        PlanVerbs.Promote => Promoted,
        PlanVerbs.Abort => Aborted,
        _ => Cancelled,
    };
}

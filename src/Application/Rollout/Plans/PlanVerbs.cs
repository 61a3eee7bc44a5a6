namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>The operator verbs of a plan (POST …/endpoints/{name}/plan/{verb}), as audited.</summary>
public static class PlanVerbs
{
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Promote = "promote";
    public const string Abort = "abort";
    public const string Cancel = "cancel";

    public static readonly IReadOnlyList<string> All = [Pause, Resume, Promote, Abort];
}

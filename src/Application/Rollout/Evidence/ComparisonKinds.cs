namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>What a row of rollout_evidence_comparisons counts.</summary>
public static class ComparisonKinds
{
    /// <summary>Query parity: domain vs legacy (A/B), with an A/A run of the serving implementation for noise.</summary>
    public const string Parity = "parity";

    /// <summary>Command dark launch as a whole: compared, mismatched in any way, shadow failures, skipped.</summary>
    public const string DarkLaunch = "dark_launch";

    /// <summary>Command dark launch, responses (field = response field).</summary>
    public const string DarkLaunchResponse = "dark_launch_response";

    /// <summary>Command dark launch, written rows (field = table.column).</summary>
    public const string DarkLaunchRow = "dark_launch_row";

    /// <summary>The field name of the whole-sample row (compared, mismatched, failures, skipped).</summary>
    public const string WholeSample = "";

    /// <summary>
    /// The field name of the sampling row: samples = requests that drew a sample, skipped = those the shadow budget
    /// refused (nothing was captured for them). No response field or column of the API starts with "$", so it collides with none.
    /// </summary>
    public const string Sampling = "$sampling";
}

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>The snake_case names of the per-endpoint values, as the operator API and the source map use them.</summary>
public static class RolloutFieldNames
{
    public const string Percentage = "percentage";
    public const string Allow = "allow";
    public const string Deny = "deny";
    public const string ParitySampleRate = "parity_sample_rate";
    public const string IgnoredFields = "ignored_fields";
    public const string UnorderedArrays = "unordered_arrays";
    public const string DarkLaunchSampleRate = "dark_launch_sample_rate";
    public const string DarkLaunchIgnoredFields = "dark_launch_ignored_fields";
}

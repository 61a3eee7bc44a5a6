namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>Where an effective rollout value comes from, strongest first.</summary>
public static class RolloutSources
{
    /// <summary>Set at run time through the operator API (PostgreSQL).</summary>
    public const string Override = "override";

    /// <summary>Per-endpoint value in appsettings (Rollout:Endpoints:NAME), or a default set in an appsettings file.</summary>
    public const string AppSettings = "appsettings";

    /// <summary>ROLLOUT_PERCENT (Rollout:DefaultPercentage) from the environment or another non-file provider.</summary>
    public const string Env = "env";

    /// <summary>Nothing set: 0 % / empty.</summary>
    public const string Default = "default";
}

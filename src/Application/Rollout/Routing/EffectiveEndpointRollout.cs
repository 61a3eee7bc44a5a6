namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>What is in force for one endpoint right now, and where each value came from.</summary>
/// <param name="PercentageSource">One of <see cref="RolloutSources"/>: override, appsettings, env or default.</param>
/// <param name="Sources">The source of every value, keyed by snake_case field name (percentage, allow, …).</param>
/// <param name="DarkLaunchSampleRate">Share (0–100 %) of the endpoint's commands dark-launched (commands only).</param>
/// <param name="DarkLaunchIgnoredFields">Response fields and row columns the dark launch ignores.</param>
public sealed record EffectiveEndpointRollout(
    string Endpoint,
    double Percentage,
    string PercentageSource,
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Deny,
    double ParitySampleRate = 0,
    IReadOnlyList<string>? IgnoredFields = null,
    IReadOnlyList<string>? UnorderedArrays = null,
    IReadOnlyDictionary<string, string>? Sources = null,
    double DarkLaunchSampleRate = 0,
    IReadOnlyList<string>? DarkLaunchIgnoredFields = null)
{
    public IReadOnlyList<string> DarkLaunchIgnoredFieldList => DarkLaunchIgnoredFields ?? [];

    public IReadOnlyList<string> IgnoredFieldList => IgnoredFields ?? [];

    public IReadOnlyList<string> UnorderedArrayList => UnorderedArrays ?? [];
}

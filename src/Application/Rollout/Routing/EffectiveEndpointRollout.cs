namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>What is in force for one endpoint right now, and where each value came from.</summary>
/// <param name="PercentageSource">One of <see cref="RolloutSources"/>: override, appsettings, env or default.</param>
/// <param name="Sources">The source of every value, keyed by snake_case field name (percentage, allow, …).</param>
public sealed record EffectiveEndpointRollout(
    string Endpoint,
    double Percentage,
    string PercentageSource,
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Deny,
    double ParitySampleRate = 0,
    IReadOnlyList<string>? IgnoredFields = null,
    IReadOnlyList<string>? UnorderedArrays = null,
    IReadOnlyDictionary<string, string>? Sources = null)
{
    public IReadOnlyList<string> IgnoredFieldList => IgnoredFields ?? [];

    public IReadOnlyList<string> UnorderedArrayList => UnorderedArrays ?? [];
}

using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Admin.Shared;

/// <summary>One endpoint's effective rollout as the operator API shows it, with the source of every value.</summary>
public sealed record EndpointRolloutDto(
    string Endpoint,
    double Percentage,
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Deny,
    double ParitySampleRate,
    IReadOnlyList<string> IgnoredFields,
    IReadOnlyList<string> UnorderedArrays,
    IReadOnlyDictionary<string, string> Sources,
    double DarkLaunchSampleRate,
    IReadOnlyList<string> DarkLaunchIgnoredFields)
{
    public static EndpointRolloutDto From(EffectiveEndpointRollout rollout) => new(
        rollout.Endpoint,
        rollout.Percentage,
        rollout.Allow,
        rollout.Deny,
        rollout.ParitySampleRate,
        rollout.IgnoredFieldList,
        rollout.UnorderedArrayList,
        rollout.Sources ?? new Dictionary<string, string> { [RolloutFieldNames.Percentage] = rollout.PercentageSource },
        rollout.DarkLaunchSampleRate,
        rollout.DarkLaunchIgnoredFieldList);
}

using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Admin.UpdateRolloutEndpoint;

/// <summary>The JSON body of PUT …/endpoints/{name} (snake_case); every member is optional.</summary>
public sealed record UpdateRolloutEndpointBody(
    double? Percentage = null,
    IReadOnlyList<string>? Allow = null,
    IReadOnlyList<string>? Deny = null,
    double? ParitySampleRate = null,
    IReadOnlyList<string>? IgnoredFields = null,
    IReadOnlyList<string>? UnorderedArrays = null,
    string? Reason = null,
    double? DarkLaunchSampleRate = null,
    IReadOnlyList<string>? DarkLaunchIgnoredFields = null)
{
    public UpdateRolloutEndpointCommand ToCommand(string endpoint, string actor) => new(endpoint, actor, Reason,
        new RolloutOverride(Percentage, Allow, Deny, ParitySampleRate, IgnoredFields, UnorderedArrays, DarkLaunchSampleRate,
            DarkLaunchIgnoredFields));
}

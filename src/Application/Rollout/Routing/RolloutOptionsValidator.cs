using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>Refuses to start with a percentage outside 0–100 rather than silently clamping it.</summary>
public sealed class RolloutOptionsValidator : IValidateOptions<RolloutOptions>
{
    public ValidateOptionsResult Validate(string? name, RolloutOptions options)
    {
        var failures = new List<string>();
        if (options.DefaultPercentage is < 0 or > 100)
        {
            failures.Add($"Rollout:DefaultPercentage (ROLLOUT_PERCENT) must be 0–100; got {options.DefaultPercentage}.");
        }

        failures.AddRange(options.Endpoints
            .Where(e => e.Value.Percentage is < 0 or > 100)
            .Select(e => $"Rollout:Endpoints:{e.Key}:Percentage must be 0–100; got {e.Value.Percentage}."));
        failures.AddRange(options.Endpoints
            .Where(e => e.Value.ParitySampleRate is < 0 or > 100)
            .Select(e => $"Rollout:Endpoints:{e.Key}:ParitySampleRate must be 0–100; got {e.Value.ParitySampleRate}."));
        if (options.RefreshIntervalSeconds is <= 0 or > 60)
        {
            failures.Add($"Rollout:RefreshIntervalSeconds must be above 0 and at most 60; got {options.RefreshIntervalSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using CameraMonitor.Application.Rollout.Parity;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>Refuses to start with a rate outside 0–100, an unknown or non-command endpoint, or empty ignore rules.</summary>
public sealed class DarkLaunchOptionsValidator : IValidateOptions<DarkLaunchOptions>
{
    public ValidateOptionsResult Validate(string? name, DarkLaunchOptions options)
    {
        var failures = new List<string>();
        foreach (var (endpoint, settings) in options.Endpoints)
        {
            var key = $"{DarkLaunchOptions.SectionName}:Endpoints:{endpoint}";
            if (!CommandEndpoints.Contains(endpoint))
            {
                failures.Add($"{key}: dark launch runs only for commands; known commands are {string.Join(", ", CommandEndpoints.Names)}.");
            }

            if (settings.SampleRate is < 0 or > 100 || double.IsNaN(settings.SampleRate))
            {
                failures.Add($"{key}:SampleRate must be 0–100; got {settings.SampleRate}.");
            }

            if (settings.IgnoredFields.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{key}:IgnoredFields must not contain empty entries.");
            }
        }

        if (options.ShadowTimeoutSeconds is <= 0 or > 60)
        {
            failures.Add($"{DarkLaunchOptions.SectionName}:ShadowTimeoutSeconds must be above 0 and at most 60; got {options.ShadowTimeoutSeconds}.");
        }

        if (options.RecentMismatches is < 1 or > 1000)
        {
            failures.Add($"{DarkLaunchOptions.SectionName}:RecentMismatches must be 1–1000; got {options.RecentMismatches}.");
        }

        if (!options.Budget.IsValid)
        {
            failures.Add($"{DarkLaunchOptions.SectionName}:Budget: {ShadowBudgetOptions.Rule}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace CameraMonitor.Api.Security;

/// <summary>Refuses to start with a malformed key entry, or with the development key in Production.</summary>
public sealed class AdminSecurityOptionsValidator(IHostEnvironment environment) : IValidateOptions<AdminSecurityOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminSecurityOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var entry = $"Admin:ApiKeys:{i}";
            if (key.Key.Length < MinKeyLength)
            {
                failures.Add($"{entry}:Key must be at least {MinKeyLength} characters.");
            }

            if (string.IsNullOrWhiteSpace(key.Owner))
            {
                failures.Add($"{entry}:Owner must name who holds the key.");
            }

            if (!AdminRoles.All.Contains(key.Role))
            {
                failures.Add($"{entry}:Role must be one of {string.Join(", ", AdminRoles.All)}; got '{key.Role}'.");
            }

            if (environment.IsProduction() && key.Key == AdminSecurityOptions.DevelopmentKey)
            {
                failures.Add($"{entry}:Key is the published development key, which is refused in Production.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

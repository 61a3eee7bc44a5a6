using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Api.Security;

/// <summary>
/// Refuses to start with a malformed key entry or token setting, and with any published development key
/// (by value or by hash) in Production. Runs as ValidateOnStart, before any migration.
/// </summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public const int MinKeyLength = 16;
    public const int MinSigningKeyBytes = 32;
    private const int HashHexLength = 64;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        foreach (var key in options.ApiKeys)
        {
            ValidateKey(key, failures);
        }

        ValidateJwt(options.Jwt, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateKey(ApiKeyOptions key, List<string> failures)
    {
        var entry = key.Source;
        var hasKey = key.Key.Length > 0;
        var hasHash = key.KeyHash.Length > 0;
        if (hasKey == hasHash)
        {
            failures.Add($"{entry} needs exactly one of Key and KeyHash.");
        }
        else if (hasKey && key.Key.Length < MinKeyLength)
        {
            failures.Add($"{entry}:Key must be at least {MinKeyLength} characters.");
        }
        else if (hasHash && (key.KeyHash.Length != HashHexLength || !key.KeyHash.All(char.IsAsciiHexDigit)))
        {
            failures.Add($"{entry}:KeyHash must be the {HashHexLength} hex digits that `hash-key` prints.");
        }
        else if (environment.IsProduction() && DevelopmentKeys.IsPublished(key))
        {
            failures.Add($"{entry} is a published development key, which is refused in Production.");
        }

        if (string.IsNullOrWhiteSpace(key.Owner))
        {
            failures.Add($"{entry}:Owner must name who holds the key.");
        }

        var unknown = key.Roles.Where(role => !ApiRoles.All.Contains(role)).ToList();
        if (key.Roles.Count == 0 || unknown.Count > 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{entry}:Roles must list one or more of {string.Join(", ", ApiRoles.All)}; got '{string.Join(", ", key.Roles)}'."));
        }
    }

    private static void ValidateJwt(JwtOptions jwt, List<string> failures)
    {
        const string section = $"{AuthOptions.SectionName}:Jwt";
        if (!jwt.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            failures.Add($"{section}:Audience is required when tokens are accepted.");
        }

        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            if (Encoding.UTF8.GetByteCount(jwt.SigningKey) < MinSigningKeyBytes)
            {
                failures.Add($"{section}:SigningKey must be at least {MinSigningKeyBytes} bytes.");
            }

            if (string.IsNullOrWhiteSpace(jwt.Issuer))
            {
                failures.Add($"{section}:Issuer is required with a SigningKey.");
            }
        }
    }
}

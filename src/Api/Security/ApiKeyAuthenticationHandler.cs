using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Api.Security;

/// <summary>
/// Authenticates a call by its API key (X-Api-Key, or Authorization: Bearer KEY) against Auth:ApiKeys. The
/// principal is named after the key's owner and holds its roles. Refusals get their problem body from
/// <see cref="ProblemDetailsAuthorizationResultHandler"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var match = Find(ApiKeyHash.Of(presented));
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Owner), .. match.Roles.Select(role => new Claim(ClaimTypes.Role, role))],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate, $"ApiKey header=\"{ApiKeyHeader}\"");
        Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate, "Bearer");
        return Task.CompletedTask;
    }

    /// <summary>The key from X-Api-Key, else the value of Authorization: Bearer; null when neither is sent.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[ApiKeyHeader].ToString();
        return header.Length > 0 ? header : BearerValue(request);
    }

    public static string? BearerValue(HttpRequest request)
    {
        const string prefix = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > prefix.Length
            ? authorization[prefix.Length..].Trim()
            : null;
    }

    // Every stored hash is compared, each in constant time, so timing reveals neither which key matched nor
    // how much of a key was right.
    private ApiKeyOptions? Find(byte[] presentedHash)
    {
        ApiKeyOptions? match = null;
        foreach (var key in auth.Value.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(key.Hash(), presentedHash))
            {
                match ??= key;
            }
        }

        return match;
    }
}

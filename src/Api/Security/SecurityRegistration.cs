using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CameraMonitor.Api.Security;

public static class SecurityRegistration
{
    /// <summary>Picks the API-key or the JWT scheme by the shape of what the caller sent.</summary>
    public const string DefaultScheme = "ApiKeyOrJwt";
    public const string JwtScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// API keys and JWT bearer tokens behind one default scheme, the policies of <see cref="ApiPolicies"/> and
    /// <see cref="AdminPolicies"/>, and a fallback that admits only authenticated callers to anything that
    /// names no policy (docs/security.md).
    /// </summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminSecurityOptions>().Bind(configuration.GetSection(AdminSecurityOptions.SectionName));
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .PostConfigure<IOptions<AdminSecurityOptions>>((auth, admin) => LegacyAdminKeys.Merge(auth, admin.Value))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API key or JWT", scheme => scheme.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(JwtScheme);
        services.AddOptions<JwtBearerOptions>(JwtScheme).Configure<IOptions<AuthOptions>>((bearer, auth) => ConfigureJwt(bearer, auth.Value.Jwt));

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicies.ApiReference, policy => policy.RequireAuthenticatedUser());
        foreach (var (name, roles) in ApiPolicies.Roles)
        {
            authorization.AddPolicy(name, policy => policy.RequireRole(roles));
        }

        return services;
    }

    /// <summary>A bearer value shaped like a JWT (three base64url parts) goes to the JWT scheme when tokens are configured; everything else is an API key.</summary>
    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.ApiKeyHeader))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        var bearer = ApiKeyAuthenticationHandler.BearerValue(context.Request);
        var jwt = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt;
        return bearer is not null && jwt.Enabled && LooksLikeJwt(bearer) ? JwtScheme : ApiKeyAuthenticationHandler.SchemeName;
    }

    private static bool LooksLikeJwt(string value) =>
        value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count(c => c == '.') == 2;

    private static void ConfigureJwt(JwtBearerOptions bearer, JwtOptions jwt)
    {
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            bearer.Authority = jwt.Authority;
        }

        bearer.Audience = jwt.Audience;
        bearer.Events = new JwtBearerEvents { OnAuthenticationFailed = IdentityProviderUnavailableException.ThrowIfIssuerIsDownAsync };
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = jwt.Audience,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer) || !string.IsNullOrWhiteSpace(jwt.Authority),
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RoleClaimType = jwt.RoleClaim,
            NameClaimType = jwt.NameClaim,
            IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey)
                ? null
                : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
        };
    }
}

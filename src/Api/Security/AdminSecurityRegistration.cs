using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Api.Security;

public static class AdminSecurityRegistration
{
    /// <summary>
    /// API-key authentication and the reader/operator policies of /api/v1/admin/*. No default scheme: only
    /// endpoints that require a policy look at the key at all.
    /// </summary>
    public static IServiceCollection AddAdminSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminSecurityOptions>()
            .Bind(configuration.GetSection(AdminSecurityOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminSecurityOptions>, AdminSecurityOptionsValidator>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.Read, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(AdminRoles.Reader, AdminRoles.Operator))
            .AddPolicy(AdminPolicies.Change, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(AdminRoles.Operator));
        return services;
    }
}

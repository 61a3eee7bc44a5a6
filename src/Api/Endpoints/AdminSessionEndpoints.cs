using System.Security.Claims;
using CameraMonitor.Api.RateLimiting;
using CameraMonitor.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CameraMonitor.Api.Endpoints;

/// <summary>
/// Who the presented key is and what it may do, so the console can disable what the key cannot do and say why,
/// instead of finding out from a 403 after the operator has filled in a form. Read-only, reader policy.
/// </summary>
public static class AdminSessionEndpoints
{
    public const string Path = AdminRolloutEndpoints.Prefix + "/session";

    public static IEndpointRouteBuilder MapAdminSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Describe).RequireAuthorization(AdminPolicies.Read).RequireRateLimiting(RateLimitPolicies.Operator)
            .WithTags("Admin: rollout")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<AdminSession>> Describe(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var canChange = await authorization.AuthorizeAsync(user, AdminPolicies.Change);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new AdminSession(user.Identity?.Name ?? "unknown", roles, canChange.Succeeded,
            canChange.Succeeded ? null : $"needs the '{ApiRoles.Operator}' role"));
    }
}

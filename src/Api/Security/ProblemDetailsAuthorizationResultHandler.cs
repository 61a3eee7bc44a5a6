using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CameraMonitor.Api.Security;

/// <summary>
/// Lets the schemes challenge or forbid as usual (status and WWW-Authenticate), then writes the refusal as
/// problem details naming what was missing: one place for the 401 and 403 bodies of every route.
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problemDetails)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _schemes = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        await _schemes.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Succeeded || context.Response.HasStarted)
        {
            return;
        }

        var problem = authorizeResult.Forbidden
            ? Forbidden(context, policy)
            : new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required.",
                Detail = $"Send an API key in the {ApiKeyAuthenticationHandler.ApiKeyHeader} header, or an API key or " +
                    "token as Authorization: Bearer <value>. A key that is unknown or a token that is expired or " +
                    "wrongly signed counts as none.",
            };
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static ProblemDetails Forbidden(HttpContext context, AuthorizationPolicy policy)
    {
        if (!context.Response.Headers.ContainsKey(HeaderNames.WWWAuthenticate))
        {
            context.Response.Headers.WWWAuthenticate = AccessDeniedException.InsufficientScope;
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
        return new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = roles.Count == 0
                ? "This principal may not use this route."
                : $"This route needs one of the roles {string.Join(", ", roles)}; this principal holds none of them.",
        };
    }
}

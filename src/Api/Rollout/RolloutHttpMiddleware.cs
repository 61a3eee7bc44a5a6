using CameraMonitor.Api.Security;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Api.Rollout;

/// <summary>
/// Fills the request's <see cref="RequestContext"/> (client key, force_domain) and names the implementation
/// that served it in the X-Served-By response header. Runs after authorization: force_domain is honoured only
/// for operators, anyone else gets a 403 naming it.
/// </summary>
public sealed class RolloutHttpMiddleware(RequestDelegate next)
{
    public const string ServedByHeader = "X-Served-By";
    public const string ClientIdHeader = "X-Client-Id";
    public const string ForceDomainParameter = "force_domain";
    private const int MaxClientIdLength = 200;

    public async Task InvokeAsync(HttpContext context, RequestContext requestContext, ServedBy servedBy)
    {
        context.Response.OnStarting(() =>
        {
            if (servedBy.Path is { } path)
            {
                context.Response.Headers[ServedByHeader] = path.ToName();
            }

            return Task.CompletedTask;
        });

        requestContext.ClientKey = ClientKey(context);
        requestContext.ForceDomain = ForceDomain(context);
        await next(context);
    }

    private static string ClientKey(HttpContext context)
    {
        var header = context.Request.Headers[ClientIdHeader].ToString().Trim();
        if (header.Length > MaxClientIdLength)
        {
            throw RequestValidationException.ForField(ClientIdHeader,
                $"{ClientIdHeader} must be at most {MaxClientIdLength} characters.");
        }

        return header.Length > 0
            ? header
            : context.Connection.RemoteIpAddress?.ToString() ?? RequestContext.AnonymousClientKey;
    }

    private static bool? ForceDomain(HttpContext context)
    {
        if (!context.Request.Query.TryGetValue(ForceDomainParameter, out var values))
        {
            return null;
        }

        if (!bool.TryParse(values.ToString(), out var force))
        {
            throw RequestValidationException.ForField(ForceDomainParameter,
                $"{ForceDomainParameter} must be true or false; got '{values}'.");
        }

        return context.User.IsInRole(ApiRoles.Operator)
            ? force
            : throw new AccessDeniedException(ForceDomainParameter,
                $"{ForceDomainParameter} picks the implementation for testing; it needs the '{ApiRoles.Operator}' role besides the route's own.");
    }
}

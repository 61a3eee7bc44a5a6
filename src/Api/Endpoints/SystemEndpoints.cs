using System.Security.Claims;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.SystemInfo.GetSystemInfo;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CameraMonitor.Api.Endpoints;

public static class SystemEndpoints
{
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/system").WithTags("System")
            .MapGet("/info", GetSystemInfo)
            .WithName(nameof(GetSystemInfo)).RequireAuthorization(ApiPolicies.SystemInfo)
            .WithSummary("Version, start time, uptime, database round trip and, for readers and operators, the rollout state of every endpoint.");
        return app;
    }

    private static async Task<Ok<SystemInfoResponse>> GetSystemInfo(IMediator mediator, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetSystemInfoQuery(user.IsInRole(ApiRoles.Reader) || user.IsInRole(ApiRoles.Operator)),
            cancellationToken));
}

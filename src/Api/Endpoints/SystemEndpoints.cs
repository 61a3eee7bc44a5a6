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
            .WithName(nameof(GetSystemInfo))
            .WithSummary("Version, start time, uptime, database round trip and the rollout state of every endpoint.");
        return app;
    }

    private static async Task<Ok<SystemInfoResponse>> GetSystemInfo(IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetSystemInfoQuery(), cancellationToken));
}

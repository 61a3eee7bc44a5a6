using CameraMonitor.Application.Cameras.ListCameras;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CameraMonitor.Api.Endpoints;

public static class CamerasEndpoints
{
    public static IEndpointRouteBuilder MapCamerasEndpoints(this IEndpointRouteBuilder app)
    {
        var cameras = app.MapGroup("/api/v1/cameras").WithTags("Cameras");
        cameras.MapGet("/", ListCameras)
            .WithName(nameof(ListCameras))
            .WithSummary("Every camera, ordered by id; optionally only enabled ones or one status.");
        return app;
    }

    private static async Task<Ok<ListCamerasResponse>> ListCameras(IMediator mediator, bool? enabled, string? status,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCamerasQuery(enabled, status), cancellationToken));
}

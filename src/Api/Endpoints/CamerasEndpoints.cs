using System.Security.Claims;
using CameraMonitor.Api.Http;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.CheckCameraMirror;
using CameraMonitor.Application.Cameras.CreateCamera;
using CameraMonitor.Application.Cameras.DeleteCamera;
using CameraMonitor.Application.Cameras.GetCamera;
using CameraMonitor.Application.Cameras.GetCameraStats;
using CameraMonitor.Application.Cameras.ListCameras;
using CameraMonitor.Application.Cameras.UpdateCamera;
using CameraMonitor.Application.Common.Idempotency;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CameraMonitor.Api.Endpoints;

public static class CamerasEndpoints
{
    public const string BasePath = "/api/v1/cameras";

    public static IEndpointRouteBuilder MapCamerasEndpoints(this IEndpointRouteBuilder app)
    {
        var cameras = app.MapGroup(BasePath).WithTags("Cameras").ProducesValidationProblem();
        cameras.MapGet("/", ListCameras)
            .WithName(nameof(ListCameras)).RequireAuthorization(ApiPolicies.View)
            .WithSummary("Every camera, ordered by id; optionally only enabled ones or one status.");
        cameras.MapPost("/", CreateCamera)
            .WithName(nameof(CreateCamera)).RequireAuthorization(ApiPolicies.ManageCameras)
            .WithSummary("Registers a camera: 201 with its Location; 400 invalid; 409 when the id is taken; honours Idempotency-Key.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        // A literal segment outranks {camera_id}, so "consistency" is never read as a camera id.
        cameras.MapGet("/consistency", CheckCameraMirror)
            .WithName(nameof(CheckCameraMirror)).RequireAuthorization(ApiPolicies.View)
            .WithSummary("Every difference between the cameras.yaml mirror and the cameras table.");
        // No route constraint on {camera_id}: a constraint would turn a malformed id into a 404, whereas the
        // validators answer 400 naming camera_id.
        cameras.MapGet("/{camera_id}", GetCamera)
            .WithName(nameof(GetCamera)).RequireAuthorization(ApiPolicies.View)
            .WithSummary("One camera; its ETag is the camera's version, to send as If-Match on an update.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithETag();
        cameras.MapPut("/{camera_id}", UpdateCamera)
            .WithName(nameof(UpdateCamera)).RequireAuthorization(ApiPolicies.ManageCameras)
            .WithSummary("Partial update: fields left out (or null) keep their value; with If-Match, 412 when the camera changed since.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIfMatch();
        cameras.MapDelete("/{camera_id}", DeleteCamera)
            .WithName(nameof(DeleteCamera)).RequireAuthorization(ApiPolicies.ManageCameras)
            .WithSummary("Deletes a camera; its detection records and violations are kept.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cameras.MapGet("/{camera_id}/stats", GetCameraStats)
            .WithName(nameof(GetCameraStats)).RequireAuthorization(ApiPolicies.View)
            .WithSummary("All-time detection and violation statistics of one camera.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<ListCamerasResponse>> ListCameras(IMediator mediator, bool? enabled, string? status,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCamerasQuery(enabled, status), cancellationToken));

    private static async Task<Created<CameraWriteResponse>> CreateCamera(IMediator mediator,
        [FromBody] CreateCameraCommand command,
        [FromHeader(Name = IIdempotentCommand.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var response = await mediator.Send(command with { Actor = user.Owner(), IdempotencyKey = idempotencyKey },
            cancellationToken);
        return TypedResults.Created($"{BasePath}/{Uri.EscapeDataString(response.Camera.Id)}", response);
    }

    private static async Task<Ok<CameraDto>> GetCamera(IMediator mediator,
        [FromRoute(Name = "camera_id")] string cameraId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCameraQuery(cameraId), cancellationToken));

    private static async Task<Ok<CameraWriteResponse>> UpdateCamera(IMediator mediator,
        [FromRoute(Name = "camera_id")] string cameraId, [FromBody] UpdateCameraCommand changes,
        ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(changes with
        {
            CameraId = cameraId,
            Actor = user.Owner(),
            IfMatch = VersionETags.IfMatchOf(request),
        }, cancellationToken));

    private static async Task<Ok<DeleteCameraResponse>> DeleteCamera(IMediator mediator,
        [FromRoute(Name = "camera_id")] string cameraId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DeleteCameraCommand(cameraId), cancellationToken));

    private static async Task<Ok<CameraStatsResponse>> GetCameraStats(IMediator mediator,
        [FromRoute(Name = "camera_id")] string cameraId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCameraStatsQuery(cameraId), cancellationToken));

    private static async Task<Ok<CameraMirrorReport>> CheckCameraMirror(IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new CheckCameraMirrorRequest(), cancellationToken));
}

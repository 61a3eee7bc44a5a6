using System.Security.Claims;
using CameraMonitor.Api.Http;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Violations;
using CameraMonitor.Application.Violations.ChangeViolationStatus;
using CameraMonitor.Application.Violations.GetViolation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CameraMonitor.Api.Endpoints;

public static class ViolationsEndpoints
{
    public static IEndpointRouteBuilder MapViolationsEndpoints(this IEndpointRouteBuilder app)
    {
        // The id is bound as text: a non-numeric id is a 400 naming violation_id, not a routing 404.
        var violations = app.MapGroup("/api/v1/records/violations").WithTags("Violations")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        violations.MapGet("/{violation_id}", GetViolation)
            .WithName(nameof(GetViolation)).RequireAuthorization(ApiPolicies.View)
            .WithSummary("One violation with its review fields; 404 when unknown, 400 for a non-numeric id.")
            .WithETag();
        violations.MapPut("/{violation_id}/status", ChangeViolationStatus)
            .WithName(nameof(ChangeViolationStatus)).RequireAuthorization(ApiPolicies.Review)
            .WithSummary("Review a violation (pending → confirmed | false_positive → …); 409 when it changed meanwhile; handled_by defaults to the caller; honours Idempotency-Key.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIfMatch();
        return app;
    }

    private static async Task<Ok<ViolationDto>> GetViolation(IMediator mediator,
        [FromRoute(Name = "violation_id")] string violationId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetViolationQuery(violationId), cancellationToken));

    private static async Task<Ok<ChangeViolationStatusResponse>> ChangeViolationStatus(IMediator mediator,
        [FromRoute(Name = "violation_id")] string violationId, string? status, string? notes,
        [FromQuery(Name = CallerIdentity.HandledByParameter)] string? handledBy, ClaimsPrincipal user,
        [FromHeader(Name = IIdempotentCommand.HeaderName)] string? idempotencyKey, HttpRequest request,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ChangeViolationStatusCommand(violationId, status, notes,
                user.ActingAs(handledBy, CallerIdentity.HandledByParameter))
        {
            IdempotencyKey = idempotencyKey,
            IfMatch = VersionETags.IfMatchOf(request),
        }, cancellationToken));
}

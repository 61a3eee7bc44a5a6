using System.Security.Claims;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Admin.Rollout.Common;
using CameraMonitor.Application.Admin.Rollout.GetParityReport;
using CameraMonitor.Application.Admin.Rollout.GetRolloutMetrics;
using CameraMonitor.Application.Admin.Rollout.ListRolloutAudit;
using CameraMonitor.Application.Admin.Rollout.ListRolloutEndpoints;
using CameraMonitor.Application.Admin.Rollout.RemoveRolloutOverride;
using CameraMonitor.Application.Admin.Rollout.RollbackRolloutEndpoint;
using CameraMonitor.Application.Admin.Rollout.UpdateRolloutEndpoint;
using CameraMonitor.Application.Common.Telemetry;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CameraMonitor.Api.Endpoints;

/// <summary>The operator API of the rollout: readers may GET, operators may change (see docs/operations.md).</summary>
public static class AdminRolloutEndpoints
{
    public const string Prefix = "/api/v1/admin/rollout";

    public static IEndpointRouteBuilder MapAdminRolloutEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).RequireAuthorization(AdminPolicies.Read).WithTags("Admin: rollout");
        group.MapGet("/endpoints", ListEndpoints);
        group.MapPut("/endpoints/{name}", UpdateEndpoint).RequireAuthorization(AdminPolicies.Change);
        group.MapDelete("/endpoints/{name}", RemoveOverride).RequireAuthorization(AdminPolicies.Change);
        group.MapPost("/endpoints/{name}/rollback", Rollback).RequireAuthorization(AdminPolicies.Change);
        group.MapGet("/audit", ListAudit);
        group.MapGet("/parity", ParityReport);
        group.MapGet("/metrics", Metrics);
        return app;
    }

    private static async Task<Ok<ListRolloutEndpointsResponse>> ListEndpoints(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListRolloutEndpointsQuery(), cancellationToken));

    private static async Task<Ok<EndpointRolloutDto>> UpdateEndpoint(string name, UpdateRolloutEndpointBody body,
        ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(body.ToCommand(name, Actor(user)), cancellationToken));

    private static async Task<Ok<EndpointRolloutDto>> RemoveOverride(string name, string? reason, ClaimsPrincipal user,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RemoveRolloutOverrideCommand(name, Actor(user), reason), cancellationToken));

    private static async Task<Ok<EndpointRolloutDto>> Rollback(string name, string? reason, ClaimsPrincipal user,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RollbackRolloutEndpointCommand(name, Actor(user), reason), cancellationToken));

    private static async Task<Ok<ListRolloutAuditResponse>> ListAudit(int? limit, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListRolloutAuditQuery(limit), cancellationToken));

    private static async Task<Ok<GetParityReportResponse>> ParityReport(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetParityReportQuery(), cancellationToken));

    private static async Task<Ok<RolloutMetricsReport>> Metrics(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRolloutMetricsQuery(), cancellationToken));

    // The policies only admit authenticated keys, whose name is the key's owner.
    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}

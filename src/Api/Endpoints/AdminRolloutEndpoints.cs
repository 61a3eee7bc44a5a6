using System.Security.Claims;
using CameraMonitor.Api.RateLimiting;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Rollout.Admin.ApplyRolloutPlanVerb;
using CameraMonitor.Application.Rollout.Admin.GetParityReport;
using CameraMonitor.Application.Rollout.Admin.GetRolloutMetrics;
using CameraMonitor.Application.Rollout.Admin.GetRolloutPlan;
using CameraMonitor.Application.Rollout.Admin.ListRolloutAudit;
using CameraMonitor.Application.Rollout.Admin.ListRolloutEndpoints;
using CameraMonitor.Application.Rollout.Admin.ListRolloutPlans;
using CameraMonitor.Application.Rollout.Admin.RemoveRolloutOverride;
using CameraMonitor.Application.Rollout.Admin.RollbackRolloutEndpoint;
using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;
using CameraMonitor.Application.Rollout.Admin.UpdateRolloutEndpoint;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Plans;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CameraMonitor.Api.Endpoints;

/// <summary>The operator API of the rollout: readers may GET, operators may change (see docs/operations.md).</summary>
public static class AdminRolloutEndpoints
{
    public const string Prefix = "/api/v1/admin/rollout";

    public static IEndpointRouteBuilder MapAdminRolloutEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).RequireAuthorization(AdminPolicies.Read).RequireRateLimiting(RateLimitPolicies.Operator)
            .WithTags("Admin: rollout")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesValidationProblem();
        group.MapGet("/endpoints", ListEndpoints);
        group.MapPut("/endpoints/{name}", UpdateEndpoint).RequireAuthorization(AdminPolicies.Change)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/endpoints/{name}", RemoveOverride).RequireAuthorization(AdminPolicies.Change)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/endpoints/{name}/rollback", Rollback).RequireAuthorization(AdminPolicies.Change)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/audit", ListAudit);
        group.MapGet("/parity", ParityReport);
        group.MapGet("/metrics", Metrics);
        group.MapPost("/endpoints/{name}/plan", StartPlan).RequireAuthorization(AdminPolicies.Change)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/endpoints/{name}/plan", GetPlan)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/endpoints/{name}/plan", CancelPlan).RequireAuthorization(AdminPolicies.Change)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/endpoints/{name}/plan/{verb}", ApplyPlanVerb).RequireAuthorization(AdminPolicies.Change)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/plans", ListPlans);
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

    private static async Task<Ok<GetParityReportResponse>> ParityReport([FromQuery(Name = "window_minutes")] double? windowMinutes,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetParityReportQuery(windowMinutes), cancellationToken));

    private static async Task<Ok<RolloutMetricsReport>> Metrics([FromQuery(Name = "window_minutes")] double? windowMinutes,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRolloutMetricsQuery(windowMinutes), cancellationToken));

    private static async Task<Created<RolloutPlan>> StartPlan(string name, StartRolloutPlanCommand? body, ClaimsPrincipal user,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created($"{Prefix}/endpoints/{name}/plan",
            await mediator.Send((body ?? new StartRolloutPlanCommand()) with { Endpoint = name, Actor = Actor(user) },
                cancellationToken));

    private static async Task<Ok<RolloutPlan>> GetPlan(string name, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRolloutPlanQuery(name), cancellationToken));

    private static async Task<Ok<RolloutPlan>> CancelPlan(string name, string? reason, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ApplyRolloutPlanVerbCommand(name, PlanVerbs.Cancel, Actor(user), reason), cancellationToken));

    /// <summary>pause, resume, promote (skip the rest of the window) or abort (to 0 %); ?reason= is audited.</summary>
    private static async Task<Ok<RolloutPlan>> ApplyPlanVerb(string name, string verb, string? reason, ClaimsPrincipal user,
        IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ApplyRolloutPlanVerbCommand(name, verb.ToLowerInvariant(), Actor(user), reason), cancellationToken));

    private static async Task<Ok<ListRolloutPlansResponse>> ListPlans(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListRolloutPlansQuery(), cancellationToken));

    private static string Actor(ClaimsPrincipal user) => user.Owner();
}

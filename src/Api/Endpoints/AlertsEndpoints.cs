using CameraMonitor.Api.Security;
using CameraMonitor.Application.Alerts.ListAlertHistory;
using CameraMonitor.Application.Alerts.ListAlertRules;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CameraMonitor.Api.Endpoints;

public static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapAlertsEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization(ApiPolicies.View).ProducesValidationProblem();
        alerts.MapGet("/history-db", ListAlertHistory)
            .WithName(nameof(ListAlertHistory))
            .WithSummary("Stored alerts, newest first; filters camera_id, alert_type, severity, since, limit.");
        alerts.MapGet("/rules", ListAlertRules)
            .WithName(nameof(ListAlertRules))
            .WithSummary("Alert rules ordered by id; optionally only enabled or disabled ones.");
        return app;
    }

    private static async Task<Ok<ListAlertHistoryResponse>> ListAlertHistory(IMediator mediator,
        [FromQuery(Name = "camera_id")] string? cameraId,
        [FromQuery(Name = "alert_type")] string? alertType,
        string? severity,
        DateTimeOffset? since,
        int? limit,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAlertHistoryQuery(cameraId, alertType, severity, since,
            limit ?? ListAlertHistoryQuery.DefaultLimit), cancellationToken));

    private static async Task<Ok<ListAlertRulesResponse>> ListAlertRules(IMediator mediator, bool? enabled,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAlertRulesQuery(enabled), cancellationToken));
}

using CameraMonitor.Api.Http;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Statistics.CameraStatistics;
using CameraMonitor.Application.Statistics.Daily;
using CameraMonitor.Application.Statistics.Events;
using CameraMonitor.Application.Statistics.History;
using CameraMonitor.Application.Statistics.Snapshots;
using CameraMonitor.Application.Statistics.Summary;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CameraMonitor.Api.Endpoints;

public static class StatisticsEndpoints
{
    private const string SnapshotDescription = "On the domain path the answer may be a snapshot: computed earlier from the "
        + "rollups and refreshed in the background (stale-while-revalidate, Snapshots:* settings). X-Data-Source says where "
        + "the data came from and Age how many seconds ago it was read; a snapshot's period window is the one of its read time.";

    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        // "summary" is a literal segment, which ASP.NET Core routing always prefers over the {camera_id}
        // parameter of the same depth: the summary is never taken for a camera called "summary".
        var records = app.MapGroup("/api/v1/records/statistics").WithTags("Statistics").RequireAuthorization(ApiPolicies.View).ProducesValidationProblem();
        records.MapGet("/summary", GetStatisticsSummary)
            .WithName(nameof(GetStatisticsSummary))
            .WithSummary("Totals per camera and overall for a period of whole UTC hours (1h, 24h, 7d, 30d).")
            .WithDescription(SnapshotDescription)
            .WithDataProvenance(StatisticsDataSources.All);
        records.MapGet("/{camera_id}", GetCameraStatistics)
            .WithName(nameof(GetCameraStatistics))
            .WithSummary("One camera's totals, performance (avg, p95 processing_ms) and anomalies.")
            .WithDescription("On the domain path, when the window holds more than Statistics:ExactPercentileMaxDetections "
                + "detections, p95_processing_ms is estimated from the rollups' fixed histogram (16 buckets per decade; "
                + "error below one bucket, ~15 %) instead of computed from every row; the legacy path always computes it.");

        var statistics = app.MapGroup("/api/v1/statistics").WithTags("Statistics").RequireAuthorization(ApiPolicies.View).ProducesValidationProblem();
        statistics.MapGet("/daily", GetDailyStatistics)
            .WithName(nameof(GetDailyStatistics))
            .WithSummary("Violations per UTC day, oldest first, quiet days included.")
            .WithDescription(SnapshotDescription)
            .WithDataProvenance(StatisticsDataSources.All);
        statistics.MapGet("/events", ListViolationEvents)
            .WithName(nameof(ListViolationEvents))
            .WithSummary("Violation events, newest first, filtered and paged.")
            .WithDescription("Page by offset, or by keyset: pass the previous page's next_cursor as after (also in the "
                + "Link rel=\"next\" header). total counts the whole filtered set, exactly, on both paths.");
        statistics.MapGet("/history", GetEventHistory)
            .WithName(nameof(GetEventHistory))
            .WithSummary("The most recent violation events, newest first.");
        return app;
    }

    private static async Task<Ok<StatisticsSummaryResponse>> GetStatisticsSummary(IMediator mediator, string? period,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetStatisticsSummaryQuery(period), cancellationToken));

    private static async Task<Ok<CameraStatisticsResponse>> GetCameraStatistics(IMediator mediator,
        [FromRoute(Name = "camera_id")] string cameraId,
        [FromQuery(Name = "start_time")] DateTimeOffset? startTime,
        [FromQuery(Name = "end_time")] DateTimeOffset? endTime,
        string? period, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCameraStatisticsQuery(cameraId, startTime, endTime, period),
            cancellationToken));

    private static async Task<Ok<DailyStatisticsResponse>> GetDailyStatistics(IMediator mediator, int? days,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetDailyStatisticsQuery(days ?? GetDailyStatisticsQuery.DefaultDays),
            cancellationToken));

    private static async Task<Ok<ViolationEventsResponse>> ListViolationEvents(IMediator mediator,
        HttpResponse http,
        [FromQuery(Name = "start_time")] DateTimeOffset? startTime,
        [FromQuery(Name = "end_time")] DateTimeOffset? endTime,
        [FromQuery(Name = "camera_id")] string? cameraId,
        [FromQuery(Name = "violation_type")] string? violationType,
        string? status, int? limit, int? offset,
        [FromQuery(Name = NextPageLink.AfterParameter)] string? after,
        CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListViolationEventsQuery(startTime, endTime, cameraId, violationType,
            status, limit ?? ListViolationEventsQuery.DefaultLimit, offset ?? 0, after), cancellationToken);
        NextPageLink.Add(http, page.NextCursor);
        return TypedResults.Ok(page);
    }

    private static async Task<Ok<EventHistoryResponse>> GetEventHistory(IMediator mediator, int? limit,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetEventHistoryQuery(limit ?? GetEventHistoryQuery.DefaultLimit),
            cancellationToken));
}

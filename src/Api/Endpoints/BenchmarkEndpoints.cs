using CameraMonitor.Api.Http;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Statistics.Snapshots;
using CameraMonitor.Application.Statistics.Summary;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CameraMonitor.Api.Endpoints;

/// <summary>
/// Benchmark-only endpoints (scripts/bench_hotpath.sh): the statistics summary's domain handler called directly, without
/// MediatR or any behavior, so a paired load test measures what the pipeline costs over the same SQL. Mapped only when
/// Benchmarks:BareEndpoints is true, and never in Production; left out of the OpenAPI document. Same authorization and
/// the same response contract (X-Data-Source and Age, which the handler's snapshot decides) as the real route, so the
/// pair differs by the migration pipeline alone.
/// </summary>
public static class BenchmarkEndpoints
{
    public const string SwitchKey = "Benchmarks:BareEndpoints";
    public const string BareSummaryRoute = "/api/v1/benchmarks/bare/statistics/summary";

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(SwitchKey))
        {
            return app;
        }

        if (app.Environment.IsProduction())
        {
            app.Logger.LogWarning("{Switch} is ignored in Production: the benchmark endpoints are not mapped", SwitchKey);
            return app;
        }

        app.MapGet(BareSummaryRoute, GetBareStatisticsSummary).RequireAuthorization(ApiPolicies.View).ExcludeFromDescription()
            .WithDataProvenance(StatisticsDataSources.All);
        return app;
    }

    private static async Task<Ok<StatisticsSummaryResponse>> GetBareStatisticsSummary(
        IRequestHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse> handler, string? period, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.Handle(new GetStatisticsSummaryQuery(period), cancellationToken));
}

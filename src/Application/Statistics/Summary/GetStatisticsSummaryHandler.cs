using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Application.Statistics.Snapshots;
using MediatR;

namespace CameraMonitor.Application.Statistics.Summary;

/// <summary>Domain path: answers from the hourly rollups, or from a snapshot of them (stale-while-revalidate).</summary>
public sealed class GetStatisticsSummaryHandler(IStatisticsReadModel rollups, TimeProvider clock,
    StatisticsSnapshots snapshots, ResponseProvenance provenance)
    : IRequestHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>
{
    private static readonly string Endpoint = EndpointNames.Of(typeof(GetStatisticsSummaryQuery));

    public Task<StatisticsSummaryResponse> Handle(GetStatisticsSummaryQuery request, CancellationToken cancellationToken)
    {
        var query = request with { Period = request.Period ?? StatisticsPeriods.Default };
        return snapshots.ServeAsync(Endpoint, "period=" + query.Period, rollups, provenance,
            (source, token) => StatisticsSummaryReport.BuildAsync(source, query, clock, token), cancellationToken);
    }
}

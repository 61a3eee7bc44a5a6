using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Snapshots;
using CameraMonitor.Application.Statistics.Summary;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Statistics;

namespace CameraMonitor.Infrastructure.Legacy.Statistics;

/// <summary>Legacy path: the summary from naive aggregates over the raw tables.</summary>
public sealed class GetStatisticsSummaryLegacyHandler(IDbSession session, TimeProvider clock, ResponseProvenance provenance)
    : ILegacyHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>
{
    public Task<StatisticsSummaryResponse> Handle(GetStatisticsSummaryQuery request, CancellationToken cancellationToken)
    {
        provenance.Record(StatisticsDataSources.Raw, clock.GetUtcNow());
        return StatisticsSummaryReport.BuildAsync(new SqlStatisticsReadModel(session, RawStatisticsSql.Queries), request, clock,
            cancellationToken);
    }
}

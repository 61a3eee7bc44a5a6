using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Summary;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Statistics;

namespace CameraMonitor.Infrastructure.Legacy.Statistics;

/// <summary>Legacy path: the summary from naive aggregates over the raw tables.</summary>
public sealed class GetStatisticsSummaryLegacyHandler(IDbSession session, TimeProvider clock)
    : ILegacyHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>
{
    public Task<StatisticsSummaryResponse> Handle(GetStatisticsSummaryQuery request, CancellationToken cancellationToken) =>
        StatisticsSummaryReport.BuildAsync(new SqlStatisticsReadModel(session, RawStatisticsSql.Queries), request,
            clock, cancellationToken);
}

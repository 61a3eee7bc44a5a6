using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Daily;
using CameraMonitor.Application.Statistics.Snapshots;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Statistics;

namespace CameraMonitor.Infrastructure.Legacy.Statistics;

/// <summary>Legacy path: violations per day counted straight from the violations table.</summary>
public sealed class GetDailyStatisticsLegacyHandler(IDbSession session, TimeProvider clock, ResponseProvenance provenance)
    : ILegacyHandler<GetDailyStatisticsQuery, DailyStatisticsResponse>
{
    public Task<DailyStatisticsResponse> Handle(GetDailyStatisticsQuery request, CancellationToken cancellationToken)
    {
        provenance.Record(StatisticsDataSources.Raw, clock.GetUtcNow());
        return DailyStatisticsReport.BuildAsync(new SqlStatisticsReadModel(session, RawStatisticsSql.Queries), request, clock,
            cancellationToken);
    }
}

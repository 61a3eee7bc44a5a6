using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.CameraStatistics;
using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Statistics;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Infrastructure.Legacy.Statistics;

/// <summary>Legacy path: one camera's statistics from naive aggregates over the raw tables.</summary>
public sealed class GetCameraStatisticsLegacyHandler(IDbSession session, IOptions<StatisticsOptions> options,
    TimeProvider clock) : ILegacyHandler<GetCameraStatisticsQuery, CameraStatisticsResponse>
{
    public Task<CameraStatisticsResponse> Handle(GetCameraStatisticsQuery request, CancellationToken cancellationToken) =>
        CameraStatisticsReport.BuildAsync(new SqlStatisticsReadModel(session, RawStatisticsSql.Queries), request,
            options.Value, clock, cancellationToken);
}

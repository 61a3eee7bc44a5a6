using System.Globalization;
using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Application.Statistics.Snapshots;
using MediatR;

namespace CameraMonitor.Application.Statistics.Daily;

/// <summary>Domain path: answers from the violation rollups, or from a snapshot of them (stale-while-revalidate).</summary>
public sealed class GetDailyStatisticsHandler(IStatisticsReadModel rollups, TimeProvider clock,
    StatisticsSnapshots snapshots, ResponseProvenance provenance)
    : IRequestHandler<GetDailyStatisticsQuery, DailyStatisticsResponse>
{
    private static readonly string Endpoint = EndpointNames.Of(typeof(GetDailyStatisticsQuery));

    public Task<DailyStatisticsResponse> Handle(GetDailyStatisticsQuery request, CancellationToken cancellationToken) =>
        snapshots.ServeAsync(Endpoint, "days=" + request.Days.ToString(CultureInfo.InvariantCulture), rollups, provenance,
            (source, token) => DailyStatisticsReport.BuildAsync(source, request, clock, token), cancellationToken);
}

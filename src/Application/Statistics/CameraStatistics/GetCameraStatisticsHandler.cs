using CameraMonitor.Application.Statistics.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Statistics.CameraStatistics;

/// <summary>Domain path: totals and spike from the hourly rollups; p95 and gaps from the one camera's raw rows.</summary>
public sealed class GetCameraStatisticsHandler(IStatisticsReadModel rollups, IOptions<StatisticsOptions> options,
    TimeProvider clock) : IRequestHandler<GetCameraStatisticsQuery, CameraStatisticsResponse>
{
    public Task<CameraStatisticsResponse> Handle(GetCameraStatisticsQuery request, CancellationToken cancellationToken) =>
        CameraStatisticsReport.BuildAsync(rollups, request, options.Value, clock, cancellationToken);
}

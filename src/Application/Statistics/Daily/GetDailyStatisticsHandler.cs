using CameraMonitor.Application.Statistics.Common;
using MediatR;

namespace CameraMonitor.Application.Statistics.Daily;

/// <summary>Domain path: answers from the hourly violation rollups.</summary>
public sealed class GetDailyStatisticsHandler(IStatisticsReadModel rollups, TimeProvider clock)
    : IRequestHandler<GetDailyStatisticsQuery, DailyStatisticsResponse>
{
    public Task<DailyStatisticsResponse> Handle(GetDailyStatisticsQuery request, CancellationToken cancellationToken) =>
        DailyStatisticsReport.BuildAsync(rollups, request, clock, cancellationToken);
}

using CameraMonitor.Application.Statistics.Common;
using MediatR;

namespace CameraMonitor.Application.Statistics.Summary;

/// <summary>Domain path: answers from the hourly rollups.</summary>
public sealed class GetStatisticsSummaryHandler(IStatisticsReadModel rollups, TimeProvider clock)
    : IRequestHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>
{
    public Task<StatisticsSummaryResponse> Handle(GetStatisticsSummaryQuery request, CancellationToken cancellationToken) =>
        StatisticsSummaryReport.BuildAsync(rollups, request, clock, cancellationToken);
}

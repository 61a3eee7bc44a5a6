using CameraMonitor.Application.Statistics.Summary;
using MediatR;

namespace CameraMonitor.Benchmarks;

/// <summary>The domain side of the summary without I/O: a completed task of a prepared response.</summary>
public sealed class NoIoSummaryHandler : IRequestHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>
{
    public Task<StatisticsSummaryResponse> Handle(GetStatisticsSummaryQuery request, CancellationToken cancellationToken) =>
        SummaryFixture.Answer;
}

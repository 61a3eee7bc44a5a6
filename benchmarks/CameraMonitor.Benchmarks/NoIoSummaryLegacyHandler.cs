using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Summary;

namespace CameraMonitor.Benchmarks;

/// <summary>The legacy side of the summary without I/O, so both paths of a percentage split cost the same.</summary>
public sealed class NoIoSummaryLegacyHandler : ILegacyHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>
{
    public Task<StatisticsSummaryResponse> Handle(GetStatisticsSummaryQuery request, CancellationToken cancellationToken) =>
        SummaryFixture.Answer;
}

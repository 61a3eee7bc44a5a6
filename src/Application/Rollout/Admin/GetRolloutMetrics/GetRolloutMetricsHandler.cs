using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetRolloutMetrics;

public sealed class GetRolloutMetricsHandler(IEndpointCatalog catalog, RolloutMetrics metrics)
    : IRequestHandler<GetRolloutMetricsQuery, RolloutMetricsReport>
{
    public Task<RolloutMetricsReport> Handle(GetRolloutMetricsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(metrics.Report(catalog.Endpoints));
}

using CameraMonitor.Application.Common.Rollout;
using CameraMonitor.Application.Common.Telemetry;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.GetRolloutMetrics;

public sealed class GetRolloutMetricsHandler(IEndpointCatalog catalog, RolloutMetrics metrics)
    : IRequestHandler<GetRolloutMetricsQuery, RolloutMetricsReport>
{
    public Task<RolloutMetricsReport> Handle(GetRolloutMetricsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(metrics.Report(catalog.Endpoints));
}

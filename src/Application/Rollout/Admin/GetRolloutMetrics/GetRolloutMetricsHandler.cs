using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetRolloutMetrics;

public sealed class GetRolloutMetricsHandler(
    IEndpointCatalog catalog,
    IEvidenceFlusher flusher,
    IClusterEvidenceReader evidence,
    IClusterReportReader reports,
    EvidenceWindow window,
    EvidenceInstance instance)
    : IRequestHandler<GetRolloutMetricsQuery, RolloutMetricsReport>
{
    private static readonly string[] PathNames =
        [ServedPath.Domain.ToName(), ServedPath.Legacy.ToName(), ServedPath.LegacyFallback.ToName()];

    public async Task<RolloutMetricsReport> Handle(GetRolloutMetricsQuery request, CancellationToken cancellationToken)
    {
        await flusher.FlushAsync(cancellationToken);
        var (from, to) = window.Last(request.WindowMinutes);
        var endpoints = new List<EndpointMetrics>();
        foreach (var endpoint in catalog.Endpoints)
        {
            var e = await evidence.ReadAsync(endpoint, from, to, cancellationToken);
            PathEvidence[] split = [e.Domain, e.Legacy, e.Fallback];
            PathEvidence[] steered = [e.Steered.Domain, e.Steered.Legacy, e.Steered.Fallback];
            endpoints.Add(new EndpointMetrics(endpoint, e.Fallback.Requests + e.Steered.Fallback.Requests, e.ParityMismatched,
                e.ParityCompared, e.ParityDropped,
                PathNames.Select((path, i) => PathMetrics.Of(path, Sum(split[i], steered[i]))).ToList(),
                PathNames.Select((path, i) => PathMetrics.Of(path, split[i])).ToList(),
                PathNames.Select((path, i) => PathMetrics.Of(path, steered[i])).ToList(),
                e.Instances));
        }

        return new RolloutMetricsReport(from, to, instance.Id, await reports.ReadInstancesAsync(from, to, cancellationToken), endpoints);
    }

    private static PathEvidence Sum(PathEvidence a, PathEvidence b)
    {
        var latency = a.Latency.Snapshot();
        latency.Add(b.Latency);
        return new PathEvidence(a.Requests + b.Requests, a.Failures + b.Failures, latency);
    }
}

using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Admin.GetParityReport;

public sealed class GetParityReportHandler(
    IEndpointCatalog catalog,
    ParityTracker tracker,
    IParityDiffStore diffs,
    IOptions<ParityOptions> options)
    : IRequestHandler<GetParityReportQuery, GetParityReportResponse>
{
    public const string Scope = "counts: this instance since start; recent_diffs: all instances";

    public async Task<GetParityReportResponse> Handle(GetParityReportQuery request, CancellationToken cancellationToken)
    {
        var reports = new List<EndpointParityReport>();
        foreach (var endpoint in catalog.Endpoints)
        {
            var recent = await diffs.RecentAsync(endpoint, options.Value.RecentDiffs, cancellationToken);
            reports.Add(tracker.Report(endpoint, recent));
        }

        return new GetParityReportResponse(Scope, reports);
    }
}

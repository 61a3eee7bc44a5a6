using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Admin.GetParityReport;

public sealed class GetParityReportHandler(
    IEndpointCatalog catalog,
    IEvidenceFlusher flusher,
    IClusterReportReader reports,
    EvidenceWindow window,
    IParityDiffStore diffs,
    IOptions<ParityOptions> options)
    : IRequestHandler<GetParityReportQuery, GetParityReportResponse>
{
    public const string Scope = "cluster: every instance's samples in the window; recent_diffs: the latest of all instances";

    public async Task<GetParityReportResponse> Handle(GetParityReportQuery request, CancellationToken cancellationToken)
    {
        await flusher.FlushAsync(cancellationToken);
        var (from, to) = window.Last(request.WindowMinutes);
        var endpoints = new List<EndpointParityReport>();
        foreach (var endpoint in catalog.Endpoints)
        {
            var fields = await reports.ReadFieldsAsync(ComparisonKinds.Parity, endpoint, from, to, cancellationToken);
            var recent = await diffs.RecentAsync(endpoint, options.Value.RecentDiffs, cancellationToken);
            endpoints.Add(Report(endpoint, fields, recent));
        }

        return new GetParityReportResponse(Scope, endpoints, from, to, await reports.ReadInstancesAsync(from, to, cancellationToken));
    }

    private static EndpointParityReport Report(string endpoint, IReadOnlyList<FieldComparison> rows, IReadOnlyList<ParityDiff> recent)
    {
        var whole = rows.FirstOrDefault(r => r.Field == ComparisonKinds.WholeSample);
        var compared = whole?.Samples ?? 0;
        var sampling = rows.FirstOrDefault(r => r.Field == ComparisonKinds.Sampling);
        var perField = rows.Where(r => r.Field is not (ComparisonKinds.WholeSample or ComparisonKinds.Sampling)).ToList();
        double Rate(long count) => compared == 0 ? 0 : Math.Round((double)count / compared, 4);
        var fields = perField.Select(f => new FieldParity(f.Field, Rate(f.Samples), Rate(f.Noise), Rate(f.Mismatched), f.NoisySince)).ToList();
        var mismatched = whole?.Mismatched ?? 0;
        return new EndpointParityReport(endpoint, compared, compared - mismatched, mismatched,
            compared == 0 ? null : Math.Round(100.0 * (compared - mismatched) / compared, 2),
            perField.Where(f => f.Mismatched > 0).ToDictionary(f => f.Field, f => f.Mismatched),
            fields.Where(f => f.NoiseRate > 0).ToDictionary(f => f.Field, f => f.NoiseRate),
            recent, fields, whole?.Skipped ?? 0, sampling?.Samples ?? 0, sampling?.Skipped ?? 0);
    }
}

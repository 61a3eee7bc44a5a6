using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;

/// <summary>Every command endpoint, configured or not, so an operator sees which ones are dark-launched.</summary>
public sealed class GetDarkLaunchReportHandler(
    DarkLaunchTracker tracker,
    IRolloutState state,
    IOptions<DarkLaunchOptions> options,
    IEvidenceFlusher flusher,
    IClusterReportReader reports,
    EvidenceWindow window)
    : IRequestHandler<GetDarkLaunchReportQuery, GetDarkLaunchReportResponse>
{
    public const string Scope = "cluster: every instance's samples in the window; recent_mismatches: this instance since start";

    public async Task<GetDarkLaunchReportResponse> Handle(GetDarkLaunchReportQuery request, CancellationToken cancellationToken)
    {
        await flusher.FlushAsync(cancellationToken);
        var (from, to) = window.Last(request.WindowMinutes);
        var endpoints = new List<EndpointDarkLaunchReport>();
        foreach (var endpoint in CommandEndpoints.Names)
        {
            var sampleRows = await reports.ReadFieldsAsync(ComparisonKinds.DarkLaunch, endpoint, from, to, cancellationToken);
            var whole = Row(sampleRows, ComparisonKinds.WholeSample);
            var skippedForBudget = Row(sampleRows, ComparisonKinds.Sampling).Skipped;
            var responses = await reports.ReadFieldsAsync(ComparisonKinds.DarkLaunchResponse, endpoint, from, to, cancellationToken);
            var rows = await reports.ReadFieldsAsync(ComparisonKinds.DarkLaunchRow, endpoint, from, to, cancellationToken);
            var current = state.Get(endpoint);
            endpoints.Add(new EndpointDarkLaunchReport(endpoint, current.DarkLaunchSampleRate, current.DarkLaunchIgnoredFieldList,
                whole.Samples + whole.Failures + whole.Skipped + skippedForBudget, whole.Samples,
                whole.Samples - MismatchedSamples(responses), whole.Samples - MismatchedSamples(rows), whole.Mismatched, whole.Failures,
                whole.Skipped, PerField(responses), PerField(rows), tracker.Report(endpoint).RecentMismatches, skippedForBudget));
        }

        return new GetDarkLaunchReportResponse(Scope, options.Value.ShadowTimeoutSeconds, endpoints, from, to,
            await reports.ReadInstancesAsync(from, to, cancellationToken));
    }

    private static FieldComparison Row(IReadOnlyList<FieldComparison> rows, string field) =>
        rows.FirstOrDefault(f => f.Field == field) ?? new FieldComparison(field, 0, 0, 0, 0, 0, null);

    private static long MismatchedSamples(IReadOnlyList<FieldComparison> fields) =>
        fields.FirstOrDefault(f => f.Field == ComparisonKinds.WholeSample)?.Mismatched ?? 0;

    private static Dictionary<string, long> PerField(IReadOnlyList<FieldComparison> fields) =>
        fields.Where(f => f.Field != ComparisonKinds.WholeSample && f.Mismatched > 0).ToDictionary(f => f.Field, f => f.Mismatched);
}

using CameraMonitor.Application.Rollout.DarkLaunch;
using MediatR;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;

/// <summary>Every command endpoint, configured or not, so an operator sees which ones are dark-launched.</summary>
public sealed class GetDarkLaunchReportHandler(DarkLaunchTracker tracker, IOptions<DarkLaunchOptions> options)
    : IRequestHandler<GetDarkLaunchReportQuery, GetDarkLaunchReportResponse>
{
    public const string Scope = "this instance since start";

    public Task<GetDarkLaunchReportResponse> Handle(GetDarkLaunchReportQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetDarkLaunchReportResponse(Scope, options.Value.ShadowTimeoutSeconds,
            CommandEndpoints.Names.Select(tracker.Report).ToList()));
}

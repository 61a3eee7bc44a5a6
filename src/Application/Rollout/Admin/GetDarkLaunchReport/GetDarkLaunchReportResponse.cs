using CameraMonitor.Application.Rollout.DarkLaunch;

namespace CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;

/// <param name="Scope">The counts are this instance's since it started.</param>
public sealed record GetDarkLaunchReportResponse(string Scope, double ShadowTimeoutSeconds, IReadOnlyList<EndpointDarkLaunchReport> Endpoints);

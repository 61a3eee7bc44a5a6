using CameraMonitor.Application.Common.DarkLaunch;

namespace CameraMonitor.Application.Admin.DarkLaunch.GetDarkLaunchReport;

/// <param name="Scope">The counts are this instance's since it started.</param>
public sealed record GetDarkLaunchReportResponse(string Scope, double ShadowTimeoutSeconds, IReadOnlyList<EndpointDarkLaunchReport> Endpoints);

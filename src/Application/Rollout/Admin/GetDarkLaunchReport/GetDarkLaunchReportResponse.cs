using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;

/// <param name="Scope">The counts are every instance's in the window; recent mismatches are the answering instance's.</param>
/// <param name="Instances">Every instance that reported in the window, silent ones named so.</param>
public sealed record GetDarkLaunchReportResponse(string Scope, double ShadowTimeoutSeconds, IReadOnlyList<EndpointDarkLaunchReport> Endpoints,
    DateTime WindowFrom, DateTime WindowTo, IReadOnlyList<InstanceEvidence> Instances);

using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;

namespace CameraMonitor.Application.Rollout.Admin.GetParityReport;

/// <param name="Scope">What the counts cover: every instance's published samples in the window.</param>
/// <param name="Instances">Every instance that reported in the window, silent ones named so.</param>
public sealed record GetParityReportResponse(string Scope, IReadOnlyList<EndpointParityReport> Endpoints, DateTime WindowFrom,
    DateTime WindowTo, IReadOnlyList<InstanceEvidence> Instances);

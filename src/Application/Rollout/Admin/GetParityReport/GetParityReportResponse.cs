using CameraMonitor.Application.Rollout.Parity;

namespace CameraMonitor.Application.Rollout.Admin.GetParityReport;

/// <param name="Scope">Counts are this instance's since start; recent diffs come from every instance (PostgreSQL).</param>
public sealed record GetParityReportResponse(string Scope, IReadOnlyList<EndpointParityReport> Endpoints);

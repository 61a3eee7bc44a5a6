using CameraMonitor.Application.Rollout.Evidence;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetParityReport;

/// <summary>
/// GET /api/v1/admin/rollout/parity?window_minutes=N: per endpoint, compared / matched / accuracy / per-field noise and
/// mismatch rates / latest diffs, summed over every instance's published samples in the window.
/// </summary>
public sealed record GetParityReportQuery(double? WindowMinutes = null) : IRequest<GetParityReportResponse>, IEvidenceWindowQuery;

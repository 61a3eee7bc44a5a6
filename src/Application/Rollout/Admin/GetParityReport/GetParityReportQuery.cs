using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetParityReport;

/// <summary>GET /api/v1/admin/rollout/parity: per endpoint, compared / matched / accuracy / latest diffs / noise.</summary>
public sealed record GetParityReportQuery : IRequest<GetParityReportResponse>;

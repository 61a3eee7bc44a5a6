using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;

/// <summary>GET /api/v1/admin/dark-launch: per command endpoint, the write-path dark launch results.</summary>
public sealed record GetDarkLaunchReportQuery : IRequest<GetDarkLaunchReportResponse>;

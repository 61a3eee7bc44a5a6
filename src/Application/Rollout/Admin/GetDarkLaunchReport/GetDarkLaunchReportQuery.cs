using CameraMonitor.Application.Rollout.Evidence;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;

/// <summary>GET /api/v1/admin/dark-launch?window_minutes=N: per command endpoint, the write-path dark launch results of the cluster.</summary>
public sealed record GetDarkLaunchReportQuery(double? WindowMinutes = null) : IRequest<GetDarkLaunchReportResponse>, IEvidenceWindowQuery;

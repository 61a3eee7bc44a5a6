using CameraMonitor.Application.Rollout.Evidence;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetRolloutMetrics;

/// <summary>GET /api/v1/admin/rollout/metrics: per endpoint × path requests, errors, fallbacks, mismatches, p50/p95/p99.</summary>
public sealed record GetRolloutMetricsQuery : IRequest<RolloutMetricsReport>;

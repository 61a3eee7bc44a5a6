using CameraMonitor.Application.Rollout.Evidence;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetRolloutMetrics;

/// <summary>
/// GET /api/v1/admin/rollout/metrics?window_minutes=N: per endpoint × path requests, errors, fallbacks, mismatches,
/// p50/p95/p99, summed over every instance's published evidence, split by routing group and by instance.
/// </summary>
public sealed record GetRolloutMetricsQuery(double? WindowMinutes = null) : IRequest<RolloutMetricsReport>, IEvidenceWindowQuery;

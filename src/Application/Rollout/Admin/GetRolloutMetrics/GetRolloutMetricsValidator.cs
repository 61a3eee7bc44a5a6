using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Admin.GetRolloutMetrics;

public sealed class GetRolloutMetricsValidator : EvidenceWindowValidator<GetRolloutMetricsQuery>;

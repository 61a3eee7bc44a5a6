using CameraMonitor.Application.Common.Rollout.Plans;

namespace CameraMonitor.Application.Admin.Rollout.ListRolloutPlans;

public sealed record ListRolloutPlansResponse(IReadOnlyList<RolloutPlan> Plans);

using CameraMonitor.Application.Rollout.Plans;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutPlans;

public sealed record ListRolloutPlansResponse(IReadOnlyList<RolloutPlan> Plans);

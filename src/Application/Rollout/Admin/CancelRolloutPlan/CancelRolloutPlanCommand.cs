using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.CancelRolloutPlan;

/// <summary>DELETE /api/v1/admin/rollout/endpoints/{name}/plan: stop the active plan; the percentage stays where it is.</summary>
public sealed record CancelRolloutPlanCommand(string Endpoint, string Actor, string? Reason) : IRequest<RolloutPlan>;

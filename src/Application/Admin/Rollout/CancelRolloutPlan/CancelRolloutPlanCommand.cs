using CameraMonitor.Application.Common.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.CancelRolloutPlan;

/// <summary>DELETE /api/v1/admin/rollout/endpoints/{name}/plan: stop the active plan; the percentage stays where it is.</summary>
public sealed record CancelRolloutPlanCommand(string Endpoint, string Actor, string? Reason) : IRequest<RolloutPlan>;

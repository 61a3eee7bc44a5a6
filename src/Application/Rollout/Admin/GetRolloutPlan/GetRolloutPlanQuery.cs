using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetRolloutPlan;

/// <summary>GET /api/v1/admin/rollout/endpoints/{name}/plan: the active plan, else the latest one.</summary>
public sealed record GetRolloutPlanQuery(string Endpoint) : IRequest<RolloutPlan>;

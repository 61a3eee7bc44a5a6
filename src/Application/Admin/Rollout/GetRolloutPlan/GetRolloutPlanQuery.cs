using CameraMonitor.Application.Common.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.GetRolloutPlan;

/// <summary>GET /api/v1/admin/rollout/endpoints/{name}/plan: the active plan, else the latest one.</summary>
public sealed record GetRolloutPlanQuery(string Endpoint) : IRequest<RolloutPlan>;

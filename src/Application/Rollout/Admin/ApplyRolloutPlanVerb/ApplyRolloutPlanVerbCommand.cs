using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ApplyRolloutPlanVerb;

/// <summary>
/// POST /api/v1/admin/rollout/endpoints/{name}/plan/{verb}: pause, resume, promote (now) or abort the endpoint's open
/// plan (and DELETE …/plan: cancel). Audited; live on every instance because the plan's row is the only truth.
/// </summary>
/// <param name="Verb">One of <see cref="PlanVerbs"/>.</param>
public sealed record ApplyRolloutPlanVerbCommand(string Endpoint, string Verb, string Actor, string? Reason) : IRequest<RolloutPlan>;

using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Plans;
using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.ApplyRolloutPlanVerb;

public sealed class ApplyRolloutPlanVerbValidator : AbstractValidator<ApplyRolloutPlanVerbCommand>
{
    public ApplyRolloutPlanVerbValidator()
    {
        RuleFor(c => c.Verb).Must(verb => PlanVerbs.All.Contains(verb) || verb == PlanVerbs.Cancel)
            .WithMessage($"the plan's verbs are {string.Join(", ", PlanVerbs.All)}.");
        RuleFor(c => c.Reason).ValidReason();
    }
}

using CameraMonitor.Application.Rollout.Admin.Shared;
using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.CancelRolloutPlan;

public sealed class CancelRolloutPlanValidator : AbstractValidator<CancelRolloutPlanCommand>
{
    public CancelRolloutPlanValidator() => RuleFor(c => c.Reason).ValidReason();
}

using CameraMonitor.Application.Admin.Rollout.Common;
using FluentValidation;

namespace CameraMonitor.Application.Admin.Rollout.CancelRolloutPlan;

public sealed class CancelRolloutPlanValidator : AbstractValidator<CancelRolloutPlanCommand>
{
    public CancelRolloutPlanValidator() => RuleFor(c => c.Reason).ValidReason();
}

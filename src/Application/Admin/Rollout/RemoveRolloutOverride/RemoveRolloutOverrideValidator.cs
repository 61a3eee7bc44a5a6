using CameraMonitor.Application.Admin.Rollout.Common;
using FluentValidation;

namespace CameraMonitor.Application.Admin.Rollout.RemoveRolloutOverride;

public sealed class RemoveRolloutOverrideValidator : AbstractValidator<RemoveRolloutOverrideCommand>
{
    public RemoveRolloutOverrideValidator() => RuleFor(c => c.Reason).ValidReason();
}

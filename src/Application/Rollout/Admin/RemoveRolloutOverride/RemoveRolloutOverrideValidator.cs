using CameraMonitor.Application.Rollout.Admin.Shared;
using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.RemoveRolloutOverride;

public sealed class RemoveRolloutOverrideValidator : AbstractValidator<RemoveRolloutOverrideCommand>
{
    public RemoveRolloutOverrideValidator() => RuleFor(c => c.Reason).ValidReason();
}

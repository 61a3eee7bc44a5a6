using CameraMonitor.Application.Rollout.Admin.Shared;
using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.RollbackRolloutEndpoint;

public sealed class RollbackRolloutEndpointValidator : AbstractValidator<RollbackRolloutEndpointCommand>
{
    public RollbackRolloutEndpointValidator() => RuleFor(c => c.Reason).ValidReason();
}

using CameraMonitor.Application.Admin.Rollout.Common;
using FluentValidation;

namespace CameraMonitor.Application.Admin.Rollout.RollbackRolloutEndpoint;

public sealed class RollbackRolloutEndpointValidator : AbstractValidator<RollbackRolloutEndpointCommand>
{
    public RollbackRolloutEndpointValidator() => RuleFor(c => c.Reason).ValidReason();
}

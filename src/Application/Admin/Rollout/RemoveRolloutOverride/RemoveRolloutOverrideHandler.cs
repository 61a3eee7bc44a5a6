using CameraMonitor.Application.Admin.Rollout.Common;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.RemoveRolloutOverride;

public sealed class RemoveRolloutOverrideHandler(RolloutChanges changes)
    : IRequestHandler<RemoveRolloutOverrideCommand, EndpointRolloutDto>
{
    public Task<EndpointRolloutDto> Handle(RemoveRolloutOverrideCommand request, CancellationToken cancellationToken) =>
        changes.ApplyAsync(request.Endpoint, _ => null, request.Actor, request.Reason, cancellationToken,
            setsPercentage: true);
}

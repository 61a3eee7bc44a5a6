using CameraMonitor.Application.Rollout.Admin.Shared;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.RemoveRolloutOverride;

public sealed class RemoveRolloutOverrideHandler(RolloutChanges changes)
    : IRequestHandler<RemoveRolloutOverrideCommand, EndpointRolloutDto>
{
    public Task<EndpointRolloutDto> Handle(RemoveRolloutOverrideCommand request, CancellationToken cancellationToken) =>
        changes.ApplyAsync(request.Endpoint, _ => null, request.Actor, request.Reason, cancellationToken,
            setsPercentage: true);
}

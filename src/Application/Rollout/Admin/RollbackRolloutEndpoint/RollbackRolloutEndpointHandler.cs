using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.RollbackRolloutEndpoint;

public sealed class RollbackRolloutEndpointHandler(RolloutChanges changes)
    : IRequestHandler<RollbackRolloutEndpointCommand, EndpointRolloutDto>
{
    public Task<EndpointRolloutDto> Handle(RollbackRolloutEndpointCommand request, CancellationToken cancellationToken) =>
        changes.ApplyAsync(request.Endpoint, old => (old ?? new()).With(new RolloutOverride(Percentage: 0)), request.Actor,
            request.Reason ?? "rollback", cancellationToken,
            setsPercentage: true);
}

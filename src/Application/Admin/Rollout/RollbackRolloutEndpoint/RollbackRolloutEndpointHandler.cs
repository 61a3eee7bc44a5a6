using CameraMonitor.Application.Admin.Rollout.Common;
using CameraMonitor.Application.Common.Rollout;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.RollbackRolloutEndpoint;

public sealed class RollbackRolloutEndpointHandler(RolloutChanges changes)
    : IRequestHandler<RollbackRolloutEndpointCommand, EndpointRolloutDto>
{
    public Task<EndpointRolloutDto> Handle(RollbackRolloutEndpointCommand request, CancellationToken cancellationToken) =>
        changes.ApplyAsync(request.Endpoint, old => (old ?? new()).With(new RolloutOverride(Percentage: 0)), request.Actor,
            request.Reason ?? "rollback", cancellationToken,
            setsPercentage: true);
}

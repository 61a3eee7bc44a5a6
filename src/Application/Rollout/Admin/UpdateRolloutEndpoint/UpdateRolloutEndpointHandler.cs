using CameraMonitor.Application.Rollout.Admin.Shared;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.UpdateRolloutEndpoint;

public sealed class UpdateRolloutEndpointHandler(RolloutChanges changes)
    : IRequestHandler<UpdateRolloutEndpointCommand, EndpointRolloutDto>
{
    public Task<EndpointRolloutDto> Handle(UpdateRolloutEndpointCommand request, CancellationToken cancellationToken) =>
        changes.ApplyAsync(request.Endpoint, old => (old ?? new()).With(request.Changes), request.Actor, request.Reason,
            cancellationToken,
            setsPercentage: request.Changes.Percentage is not null);
}

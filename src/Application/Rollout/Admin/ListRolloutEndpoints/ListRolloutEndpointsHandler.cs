using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutEndpoints;

public sealed class ListRolloutEndpointsHandler(IRolloutState state)
    : IRequestHandler<ListRolloutEndpointsQuery, ListRolloutEndpointsResponse>
{
    public Task<ListRolloutEndpointsResponse> Handle(ListRolloutEndpointsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new ListRolloutEndpointsResponse(state.KillSwitchAllowsDomain,
            state.All().Select(EndpointRolloutDto.From).ToList()));
}

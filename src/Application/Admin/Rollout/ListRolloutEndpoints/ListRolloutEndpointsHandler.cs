using CameraMonitor.Application.Admin.Rollout.Common;
using CameraMonitor.Application.Common.Rollout;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.ListRolloutEndpoints;

public sealed class ListRolloutEndpointsHandler(IRolloutState state)
    : IRequestHandler<ListRolloutEndpointsQuery, ListRolloutEndpointsResponse>
{
    public Task<ListRolloutEndpointsResponse> Handle(ListRolloutEndpointsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new ListRolloutEndpointsResponse(state.KillSwitchAllowsDomain,
            state.All().Select(EndpointRolloutDto.From).ToList()));
}

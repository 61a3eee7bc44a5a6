using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.SystemInfo.GetSystemInfo;

/// <summary>Domain path: asks the database probe abstraction; no aggregate is involved in this query.</summary>
public sealed class GetSystemInfoHandler(HostInfo host, TimeProvider clock, IDatabaseProbe database, IRolloutState rollout)
    : IRequestHandler<GetSystemInfoQuery, SystemInfoResponse>
{
    public async Task<SystemInfoResponse> Handle(GetSystemInfoQuery request, CancellationToken cancellationToken) =>
        SystemInfoResponse.Create(host, clock, await database.PingAsync(cancellationToken), rollout, request);
}

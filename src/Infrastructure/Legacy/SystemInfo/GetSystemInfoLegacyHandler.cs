using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.SystemInfo;
using CameraMonitor.Application.SystemInfo.GetSystemInfo;
using CameraMonitor.Infrastructure.Persistence;

namespace CameraMonitor.Infrastructure.Legacy.SystemInfo;

/// <summary>Legacy path: pings over the request's own connection instead of the probe abstraction.</summary>
public sealed class GetSystemInfoLegacyHandler(IDbSession session, HostInfo host, TimeProvider clock, IRolloutState rollout)
    : ILegacyHandler<GetSystemInfoQuery, SystemInfoResponse>
{
    public async Task<SystemInfoResponse> Handle(GetSystemInfoQuery request, CancellationToken cancellationToken) =>
        SystemInfoResponse.Create(host, clock, await DatabasePing.MeasureAsync(session.ConnectionAsync, cancellationToken),
            rollout, request);
}

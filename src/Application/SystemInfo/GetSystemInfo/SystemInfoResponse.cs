using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.SystemInfo.GetSystemInfo;

/// <summary>
/// <c>uptime_seconds</c> and <c>database.latency_ms</c> legitimately differ between two calls (and paths);
/// every other field is stable. <c>rollout</c> is null for callers that may not read the operator API.
/// </summary>
public sealed record SystemInfoResponse(
    string Version,
    DateTime StartedAt,
    double UptimeSeconds,
    DatabaseStatus Database,
    RolloutStatus? Rollout)
{
    /// <summary>Both paths assemble the answer here; they differ only in how they reach the database.</summary>
    public static SystemInfoResponse Create(HostInfo host, TimeProvider clock, DatabaseStatus database,
        IRolloutState rollout, GetSystemInfoQuery request) =>
        new(host.Version, host.StartedAt, host.UptimeSeconds(clock), database,
            request.IncludeRollout ? RolloutStatus.From(rollout) : null);
}

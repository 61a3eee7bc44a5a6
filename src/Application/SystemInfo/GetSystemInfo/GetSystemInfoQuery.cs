using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.SystemInfo.GetSystemInfo;

/// <summary>
/// GET /api/v1/system/info: version, start time, uptime, database round trip and, when
/// <paramref name="IncludeRollout"/> (the caller may read the operator API), the rollout state.
/// </summary>
public sealed record GetSystemInfoQuery(bool IncludeRollout) : IQuery<SystemInfoResponse>;

using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.SystemInfo.GetSystemInfo;

/// <summary>GET /api/v1/system/info: version, start time, uptime, database round trip and rollout state.</summary>
public sealed record GetSystemInfoQuery : IQuery<SystemInfoResponse>;

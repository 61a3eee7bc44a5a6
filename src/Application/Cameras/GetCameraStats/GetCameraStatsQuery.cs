using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Cameras.GetCameraStats;

/// <summary>GET /api/v1/cameras/{camera_id}/stats: all-time totals of one existing camera.</summary>
public sealed record GetCameraStatsQuery(string? CameraId) : IQuery<CameraStatsResponse>;

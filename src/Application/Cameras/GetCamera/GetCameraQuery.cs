using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Cameras.GetCamera;

/// <summary>GET /api/v1/cameras/{camera_id}: one camera; its version is the answer's ETag (If-Match on updates).</summary>
public sealed record GetCameraQuery(string? CameraId) : IQuery<CameraDto>;

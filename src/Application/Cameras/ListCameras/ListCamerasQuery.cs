using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Cameras.ListCameras;

/// <summary>GET /api/v1/cameras: every camera ordered by id, optionally only enabled ones or one status.</summary>
public sealed record ListCamerasQuery(bool? Enabled = null, string? Status = null) : IQuery<ListCamerasResponse>;

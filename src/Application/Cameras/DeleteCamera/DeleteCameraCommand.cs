using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Cameras.DeleteCamera;

/// <summary>DELETE /api/v1/cameras/{camera_id}. Its detection records and violations are kept.</summary>
public sealed record DeleteCameraCommand(string? CameraId) : ICommand<DeleteCameraResponse>;

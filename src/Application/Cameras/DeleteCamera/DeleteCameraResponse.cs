namespace CameraMonitor.Application.Cameras.DeleteCamera;

public sealed record DeleteCameraResponse(bool Ok, string CameraId);

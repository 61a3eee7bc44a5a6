namespace CameraMonitor.Application.Cameras.ListCameras;

public sealed record ListCamerasResponse(IReadOnlyList<CameraDto> Cameras, int Total);

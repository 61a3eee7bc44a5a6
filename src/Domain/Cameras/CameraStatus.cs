namespace CameraMonitor.Domain.Cameras;

public enum CameraStatus
{
    Unknown,
    Online,
    Offline,
}

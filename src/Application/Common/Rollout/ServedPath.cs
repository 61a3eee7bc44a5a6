namespace CameraMonitor.Application.Common.Rollout;

public enum ServedPath
{
    Domain,
    Legacy,
    LegacyFallback,
}

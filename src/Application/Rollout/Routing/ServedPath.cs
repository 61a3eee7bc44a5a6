namespace CameraMonitor.Application.Rollout.Routing;

public enum ServedPath
{
    Domain,
    Legacy,
    LegacyFallback,
}

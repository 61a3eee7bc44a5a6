namespace CameraMonitor.Api.RateLimiting;

public sealed class PolicyLimit
{
    public int PermitsPerMinute { get; set; }
}

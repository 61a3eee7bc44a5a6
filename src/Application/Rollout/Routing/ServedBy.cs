namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>Per-request record of which implementation produced the response (scoped).</summary>
public sealed class ServedBy
{
    public ServedPath? Path { get; set; }
}

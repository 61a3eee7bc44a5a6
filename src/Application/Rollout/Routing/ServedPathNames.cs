namespace CameraMonitor.Application.Rollout.Routing;

public static class ServedPathNames
{
    /// <summary>The value of the X-Served-By header and of the metric tag.</summary>
    public static string ToName(this ServedPath path) => path switch
    {
        ServedPath.Domain => "domain",
        ServedPath.Legacy => "legacy",
        _ => "legacy-fallback",
    };
}

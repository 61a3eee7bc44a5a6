using Microsoft.Extensions.Configuration;

namespace CameraMonitor.Infrastructure.CameraMirror;

public static class CameraMirrorOptions
{
    public const string PathKey = "CameraMirror:Path";
    public const string DefaultPath = "cameras.yaml";

    /// <summary>CameraMirror:Path, relative to the content root unless absolute.</summary>
    public static string ResolvePath(IConfiguration configuration)
    {
        var configured = configuration[PathKey];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured.Trim();
        var root = configuration["contentRoot"];
        return Path.GetFullPath(Path.IsPathRooted(path) || string.IsNullOrWhiteSpace(root)
            ? path
            : Path.Combine(root, path));
    }
}

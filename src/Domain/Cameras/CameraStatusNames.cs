using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Cameras;

/// <summary>The wire and database spelling of <see cref="CameraStatus"/>: lower-case words.</summary>
public static class CameraStatusNames
{
    public static readonly IReadOnlyList<string> All = ["online", "offline", "unknown"];

    public static string ToName(this CameraStatus status) => status switch
    {
        CameraStatus.Online => "online",
        CameraStatus.Offline => "offline",
        _ => "unknown",
    };

    public static CameraStatus Parse(string value) => value switch
    {
        "online" => CameraStatus.Online,
        "offline" => CameraStatus.Offline,
        "unknown" => CameraStatus.Unknown,
        _ => throw new DomainException("status", $"status must be one of {string.Join(", ", All)}; got '{value}'."),
    };
}

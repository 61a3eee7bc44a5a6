namespace CameraMonitor.Application.SystemInfo;

/// <summary>Whether PostgreSQL answered a round trip, and how long that took (null when it did not answer).</summary>
public sealed record DatabaseStatus(string Status, double? LatencyMs)
{
    public const string Up = "up";
    public const string Down = "down";
}

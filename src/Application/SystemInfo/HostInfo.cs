using System.Reflection;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Application.SystemInfo;

/// <summary>
/// Facts about this running instance (singleton). The host resolves it while starting, so
/// <see cref="StartedAt"/> is the start time, read from the injected clock like every other time we answer.
/// </summary>
public sealed class HostInfo(TimeProvider clock)
{
    public DateTime StartedAt { get; } = clock.UtcNowForStorage().UtcDateTime;

    /// <summary>The informational version every project of the solution is built with (may carry "+commit").</summary>
    public string Version { get; } =
        typeof(HostInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HostInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public double UptimeSeconds(TimeProvider now) =>
        Math.Round(Math.Max(0, (now.GetUtcNow().UtcDateTime - StartedAt).TotalSeconds), 3);
}

namespace CameraMonitor.Application.Rollout.Routing;

public sealed class EndpointRolloutOptions
{
    /// <summary>Share of client keys (0–100) routed to the domain path; null inherits the default.</summary>
    public double? Percentage { get; set; }

    /// <summary>Client keys always routed to the domain path.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>Client keys always routed to the legacy path (wins over <see cref="Allow"/>).</summary>
    public List<string> Deny { get; set; } = [];

    /// <summary>Share of query requests (0–100) also run on the other path and compared; null means 0.</summary>
    public double? ParitySampleRate { get; set; }

    /// <summary>Response fields parity ignores ("uptime" anywhere, or a path such as "cameras[*].uptime").</summary>
    public List<string> IgnoredFields { get; set; } = [];

    /// <summary>Array paths parity compares as sets, ignoring order (e.g. "cameras").</summary>
    public List<string> UnorderedArrays { get; set; } = [];
}

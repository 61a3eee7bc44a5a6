namespace CameraMonitor.Application.Common.Rollout;

public sealed class EndpointRolloutOptions
{
    /// <summary>Share of client keys (0–100) routed to the domain path; null inherits the default.</summary>
    public double? Percentage { get; set; }

    /// <summary>Client keys always routed to the domain path.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>Client keys always routed to the legacy path (wins over <see cref="Allow"/>).</summary>
    public List<string> Deny { get; set; } = [];
}

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>The "Rollout" configuration section.</summary>
public sealed class RolloutOptions
{
    public const string SectionName = "Rollout";

    /// <summary>Percentage for every endpoint without its own (env ROLLOUT_PERCENT); 0 when unset.</summary>
    public double? DefaultPercentage { get; set; }

    /// <summary>Seconds between re-reads of the run-time overrides, the safety net under LISTEN/NOTIFY.</summary>
    public double RefreshIntervalSeconds { get; set; } = 5;

    /// <summary>Per-endpoint settings, keyed by endpoint name (e.g. "ListCameras").</summary>
    public Dictionary<string, EndpointRolloutOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public double EffectivePercentage(string endpoint) =>
        Endpoint(endpoint)?.Percentage ?? DefaultPercentage ?? 0;

    public EndpointRolloutOptions? Endpoint(string endpoint) =>
        Endpoints.TryGetValue(endpoint, out var options) ? options : null;
}

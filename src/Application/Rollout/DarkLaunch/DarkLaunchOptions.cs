using CameraMonitor.Application.Rollout.Parity;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>The "DarkLaunch" configuration section (appsettings or environment only; no run-time override).</summary>
public sealed class DarkLaunchOptions
{
    public const string SectionName = "DarkLaunch";

    /// <summary>Longest a shadow run may take before it is cancelled and counted as a failure.</summary>
    public double ShadowTimeoutSeconds { get; set; } = 5;

    /// <summary>Latest mismatches kept per endpoint for the report.</summary>
    public int RecentMismatches { get; set; } = 20;

    /// <summary>
    /// Shadows per second and shadows in flight (DarkLaunch:Budget); a command over budget is not dark-launched (counted).
    /// </summary>
    public ShadowBudgetOptions Budget { get; set; } = new() { MaxWorkers = 2 };

    /// <summary>Per command endpoint (e.g. "CreateCamera").</summary>
    public Dictionary<string, DarkLaunchEndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public DarkLaunchEndpointOptions? Endpoint(string endpoint) =>
        Endpoints.TryGetValue(endpoint, out var options) ? options : null;
}

namespace CameraMonitor.Api.Security;

/// <summary>Auth:Anonymous: which non-API routes answer without credentials (/health/* always does).</summary>
public sealed class AnonymousAccessOptions
{
    /// <summary>/metrics; false requires a reader or operator (Prometheus then sends a key as bearer token).</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>/openapi/* and /scalar/*; unset means open in Development only.</summary>
    public bool? ApiReference { get; set; }
}

namespace CameraMonitor.Api.RateLimiting;

/// <summary>RateLimits:&lt;policy&gt;:PermitsPerMinute per principal; 0 or less switches that limit off.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public PolicyLimit Ingest { get; set; } = new() { PermitsPerMinute = 6000 };

    public PolicyLimit Operator { get; set; } = new() { PermitsPerMinute = 600 };
}

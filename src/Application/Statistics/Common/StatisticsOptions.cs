namespace CameraMonitor.Application.Statistics.Common;

/// <summary>Configuration section "Statistics".</summary>
public sealed class StatisticsOptions
{
    public const string SectionName = "Statistics";

    /// <summary>A camera without a detection for longer than this is reported as an anomaly.</summary>
    public int NoDetectionGapMinutes { get; set; } = 60;

    /// <summary>At most this many gaps are listed per request (the earliest first).</summary>
    public int MaxReportedGaps { get; set; } = 50;

    /// <summary>
    /// Domain path: up to this many detections in a camera's window, p95_processing_ms is computed exactly from
    /// the raw rows (as the legacy path does); above it, it is estimated from the rollups' histogram (error
    /// below one bucket, ~15 %), so its cost stays flat however many rows the window holds.
    /// </summary>
    public int ExactPercentileMaxDetections { get; set; } = 5000;
}

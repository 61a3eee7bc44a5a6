namespace CameraMonitor.Application.Statistics.Common;

/// <summary>Configuration section "Statistics".</summary>
public sealed class StatisticsOptions
{
    public const string SectionName = "Statistics";

    /// <summary>A camera without a detection for longer than this is reported as an anomaly.</summary>
    public int NoDetectionGapMinutes { get; set; } = 60;

    /// <summary>At most this many gaps are listed per request (the earliest first).</summary>
    public int MaxReportedGaps { get; set; } = 50;
}

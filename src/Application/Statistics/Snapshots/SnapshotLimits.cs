namespace CameraMonitor.Application.Statistics.Snapshots;

/// <summary>How old one query's snapshot may be: served as is, served while it is refreshed, or not served.</summary>
public sealed class SnapshotLimits
{
    public const double MaxSeconds = 86_400;

    /// <summary>Up to this age (seconds) the snapshot is served as is.</summary>
    public double FreshSeconds { get; set; } = 10;

    /// <summary>
    /// Up to this age the snapshot is still served, and one refresh is started (stale-while-revalidate); beyond it the
    /// rollups answer. Equal to <see cref="FreshSeconds"/>: never served stale.
    /// </summary>
    public double MaxAgeSeconds { get; set; } = 120;

    public bool IsValid() => FreshSeconds >= 0 && MaxAgeSeconds >= FreshSeconds && MaxAgeSeconds <= MaxSeconds;
}

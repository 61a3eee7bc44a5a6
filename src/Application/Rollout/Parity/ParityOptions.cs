namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>The "Parity" configuration section (sampling rates are per endpoint, in the rollout config).</summary>
public sealed class ParityOptions
{
    public const string SectionName = "Parity";

    /// <summary>Samples waiting for the background worker; when full, new samples are dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Latest diffs kept per endpoint (in memory and in rollout_parity_diffs).</summary>
    public int RecentDiffs { get; set; } = 20;

    /// <summary>
    /// The sliding window, in samples per endpoint, over which a field's noise (A/A) and difference (A/B) rates are
    /// judged: old samples leave it, so a week of healthy history cannot hide a fresh drift.
    /// </summary>
    public int NoiseWindowSamples { get; set; } = 500;

    /// <summary>Diffy's relative margin: a noisy field's A/B rate must exceed its noise rate by this share of it.</summary>
    public double RelativeMargin { get; set; } = 0.2;

    /// <summary>Diffy's absolute margin: … and by at least this much (a fraction of samples, 0.01 = 1 point).</summary>
    public double AbsoluteMargin { get; set; } = 0.01;

    /// <summary>Comparisons per second and background workers (Parity:Budget); a sample over budget is skipped and counted.</summary>
    public ShadowBudgetOptions Budget { get; set; } = new();
}

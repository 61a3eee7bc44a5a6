namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// How much shadow work (parity comparisons, dark-launch shadows) one instance may do: a token bucket of comparisons
/// per second with a burst, and a bound on the comparisons running at once. Sections Parity:Budget and DarkLaunch:Budget.
/// </summary>
public sealed class ShadowBudgetOptions
{
    /// <summary>Comparisons per second the bucket refills (per instance, all endpoints together).</summary>
    public double ComparisonsPerSecond { get; set; } = 5;

    /// <summary>Tokens the bucket holds when full: how many comparisons may start at once after a quiet spell.</summary>
    public double Burst { get; set; } = 20;

    /// <summary>Comparisons running at the same time (parity: background workers; dark launch: shadows in flight).</summary>
    public int MaxWorkers { get; set; } = 1;

    public bool IsValid => ComparisonsPerSecond is > 0 and <= 100_000 && Burst is >= 1 and <= 100_000 && MaxWorkers is >= 1 and <= 64;

    public const string Rule = "ComparisonsPerSecond must be above 0 and at most 100000, Burst 1–100000, MaxWorkers 1–64.";
}

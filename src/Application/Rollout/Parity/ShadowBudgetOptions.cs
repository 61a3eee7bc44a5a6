namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// How much shadow work (parity comparisons, dark-launch shadows) one instance may do: a token bucket of comparisons
/// per second with a burst, a bucket of shadow time the comparisons' measured durations are charged to, and a bound on
/// the comparisons running at once. Sections Parity:Budget and DarkLaunch:Budget.
/// </summary>
public sealed class ShadowBudgetOptions
{
    /// <summary>Comparisons per second the bucket refills (per instance, all endpoints together).</summary>
    public double ComparisonsPerSecond { get; set; } = 5;

    /// <summary>Tokens the bucket holds when full: how many comparisons may start at once after a quiet spell.</summary>
    public double Burst { get; set; } = 20;

    /// <summary>
    /// Milliseconds of shadow work (the comparisons' wall time, all workers together) the instance may spend per second;
    /// the bucket starts with ten seconds' worth (<see cref="ShadowBudget.StartingSeconds"/>) and later saves up at most two
    /// (<see cref="ShadowBudget.SavedSeconds"/>). 5 is 0.5 % of one core's time if the shadow work kept a core busy: cheap
    /// comparisons are held by <see cref="ComparisonsPerSecond"/>, heavy ones (a statistics query over raw rows) by this.
    /// The share of time a heavy comparison holds a core is the share of requests that wait behind it on a saturated
    /// instance, and a p99 moves as soon as that share nears 1 %: at a 100 % sample rate on the statistics summary
    /// (≈ 10 ms per comparison) the p99 rose by 23 % at 20 ms/s (the default until 2026-12-02 10:27 UTC; 50 before 05:40)
    /// against 0.4 % in an A/A control of the same runs (docs/performance.md, "Fourth round"). At 5 a summary comparison
    /// still runs about every two seconds under full sampling: 50 samples (a plan step's default minimum) in ≈ 100 s of a
    /// step's 300.
    /// </summary>
    public double ShadowMillisecondsPerSecond { get; set; } = 5;

    /// <summary>Comparisons running at the same time (parity: background workers; dark launch: shadows in flight).</summary>
    public int MaxWorkers { get; set; } = 1;

    public bool IsValid => ComparisonsPerSecond is > 0 and <= 100_000 && Burst is >= 1 and <= 100_000
        && ShadowMillisecondsPerSecond is > 0 and <= 64_000 && MaxWorkers is >= 1 and <= 64;

    public const string Rule = "ComparisonsPerSecond must be above 0 and at most 100000, Burst 1–100000, "
        + "ShadowMillisecondsPerSecond above 0 and at most 64000, MaxWorkers 1–64.";
}

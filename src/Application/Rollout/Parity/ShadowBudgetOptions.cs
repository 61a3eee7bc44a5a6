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
    /// (<see cref="ShadowBudget.SavedSeconds"/>). 20 is 2 % of one core's time if the shadow work kept a core busy: cheap
    /// comparisons are held by <see cref="ComparisonsPerSecond"/>, heavy ones (a statistics query over raw rows) by this.
    /// Was 50 until the hot-path runs of 2026-12-02: a heavy comparison holds a core for ≈ 10 ms, and at 50 ms/s that share
    /// of the time showed in the statistics summary's p99 at a 100 % sample rate (+21 % in one run); at 20, a summary
    /// comparison still runs ≈ 1.4 times a second under full sampling: 50 samples (a plan step's default minimum) in
    /// ≈ 40 s.
    /// </summary>
    public double ShadowMillisecondsPerSecond { get; set; } = 20;

    /// <summary>Comparisons running at the same time (parity: background workers; dark launch: shadows in flight).</summary>
    public int MaxWorkers { get; set; } = 1;

    public bool IsValid => ComparisonsPerSecond is > 0 and <= 100_000 && Burst is >= 1 and <= 100_000
        && ShadowMillisecondsPerSecond is > 0 and <= 64_000 && MaxWorkers is >= 1 and <= 64;

    public const string Rule = "ComparisonsPerSecond must be above 0 and at most 100000, Burst 1–100000, "
        + "ShadowMillisecondsPerSecond above 0 and at most 64000, MaxWorkers 1–64.";
}

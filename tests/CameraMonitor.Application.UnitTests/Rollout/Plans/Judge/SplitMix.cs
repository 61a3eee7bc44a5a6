namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>
/// SplitMix64: a tiny, fast, seedable generator (a few nanoseconds per draw, no setup), so a fresh, independent
/// stream per plan × interval costs nothing. System.Random with a seed uses a slower legacy algorithm.
/// </summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public double NextDouble()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }
}

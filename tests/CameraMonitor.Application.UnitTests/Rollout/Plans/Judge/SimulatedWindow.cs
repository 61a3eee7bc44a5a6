using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>What the cluster saw over a span of a simulated plan: both paths and the parity samples.</summary>
internal sealed class SimulatedWindow
{
    private static readonly DateTime Epoch = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    // Shared because nothing writes to them: a fresh empty histogram per evaluation was most of the bench's cost.
    private static readonly LatencyHistogram NoLatency = new();
    private static readonly PathEvidence Nothing = new(0, 0, NoLatency);
    private static readonly SteeredEvidence NothingSteered = new(Nothing, Nothing, Nothing);

    public SimulatedPath Domain { get; } = new();

    public SimulatedPath Legacy { get; } = new();

    public long ParityCompared { get; set; }

    public long ParityMismatched { get; set; }

    public void Add(SimulatedWindow other)
    {
        Domain.Add(other.Domain);
        Legacy.Add(other.Legacy);
        ParityCompared += other.ParityCompared;
        ParityMismatched += other.ParityMismatched;
    }

    public void Clear()
    {
        Domain.Clear();
        Legacy.Clear();
        ParityCompared = 0;
        ParityMismatched = 0;
    }

    /// <summary>
    /// As the cluster reader would report it. Every failed domain attempt falls back to legacy, which answers it
    /// at legacy's own failure rate; the simulation counts those fallbacks as answered without error (a
    /// simplification that leaves the success-rate check to legacy's failures).
    /// </summary>
    public EndpointEvidence ToEvidence() => new("Simulated", Epoch, Epoch, Domain.ToEvidence(), Legacy.ToEvidence(),
        new PathEvidence(Domain.Failures, 0, NoLatency), NothingSteered,
        ParityCompared, ParityMismatched, 0, 0, []);
}

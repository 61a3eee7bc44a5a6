namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>One kind of synthetic traffic: legacy is always the healthy baseline, the domain path may differ.</summary>
/// <param name="DomainErrorPoints">Domain failure rate minus legacy's, in points.</param>
/// <param name="DomainLatencyFactor">Domain latencies are legacy's distribution times this (so its p95 too).</param>
/// <param name="ParityDriftPoints">Extra share of parity samples that mismatch, in points.</param>
internal sealed record SimulatedScenario(string Name, double DomainErrorPoints = 0, double DomainLatencyFactor = 1, double ParityDriftPoints = 0)
{
    public bool Healthy => DomainErrorPoints == 0 && DomainLatencyFactor == 1 && ParityDriftPoints == 0;

    public static readonly IReadOnlyList<SimulatedScenario> All =
    [
        new("healthy"),
        new("errors +2 pt", DomainErrorPoints: 2),
        new("errors +5 pt", DomainErrorPoints: 5),
        new("errors +20 pt", DomainErrorPoints: 20),
        new("p95 +30 %", DomainLatencyFactor: 1.3),
        new("p95 +100 %", DomainLatencyFactor: 2),
        new("parity drift 1 %", ParityDriftPoints: 1),
        new("parity drift 5 %", ParityDriftPoints: 5),
    ];
}

namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>
/// Synthetic traffic of one scenario, one evaluation interval at a time: each request goes to the domain path with
/// the step's probability, fails at its path's rate, takes a latency from its path's <see cref="LatencyModel"/>, and
/// is sampled for parity at <see cref="ParitySampleRate"/>. Legacy is always healthy: 0.5 % failures, 0.1 % parity
/// noise that survives the ignore lists.
/// </summary>
internal sealed class TrafficGenerator(SimulatedScenario scenario)
{
    /// <summary>About 13 requests per second at a 15 s interval: at 5 % the domain path gets ~80 requests per 2-minute window.</summary>
    public const int RequestsPerInterval = 200;

    public const double LegacyErrorRate = 0.005;
    public const double BaselineMismatchRate = 0.001;
    public const double ParitySampleRate = 0.1;

    private static readonly LatencyModel LegacyLatency = new(1);

    private readonly LatencyModel _domainLatency = scenario.DomainLatencyFactor == 1 ? LegacyLatency : new LatencyModel(scenario.DomainLatencyFactor);
    private readonly double _domainErrorRate = LegacyErrorRate + scenario.DomainErrorPoints / 100;
    private readonly double _mismatchRate = BaselineMismatchRate + scenario.ParityDriftPoints / 100;

    public SimulatedScenario Scenario => scenario;

    public void Fill(SimulatedWindow interval, SplitMix random, int percentage)
    {
        interval.Clear();
        for (var i = 0; i < RequestsPerInterval; i++)
        {
            if (random.NextDouble() * 100 < percentage)
            {
                interval.Domain.Record(random.NextDouble() < _domainErrorRate, _domainLatency.SampleBucket(random));
            }
            else
            {
                interval.Legacy.Record(random.NextDouble() < LegacyErrorRate, LegacyLatency.SampleBucket(random));
            }

            if (random.NextDouble() < ParitySampleRate)
            {
                interval.ParityCompared++;
                interval.ParityMismatched += random.NextDouble() < _mismatchRate ? 1 : 0;
            }
        }
    }
}

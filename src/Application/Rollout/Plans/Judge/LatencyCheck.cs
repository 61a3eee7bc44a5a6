using static CameraMonitor.Application.Rollout.Plans.Judge.JudgeText;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>
/// p95 of the merged histograms, each with a distribution-free confidence interval (<see cref="QuantileInterval"/>
/// at Confidence): fails only when the domain p95's lower bound is above legacy's upper bound by more than
/// MaxP95IncreasePercent and by more than MinP95DeltaMs. Comparing bounds rather than point estimates is what keeps a
/// noisy p95 over few samples from rolling back (the interval is wide then). Needs MinLatencySamples on both sides.
/// </summary>
internal static class LatencyCheck
{
    public const double Quantile = 0.95;

    public static CheckResult Evaluate(RolloutPlanSettings settings, JudgeInput input)
    {
        var domain = input.Step.Domain.Latency;
        var legacy = input.LegacyReference(settings).Latency;
        if (domain.Count < settings.MinLatencySamples || legacy.Count < settings.MinLatencySamples)
        {
            return new(JudgeChecks.Latency, CheckOutcomes.Insufficient,
                Invariant($"{domain.Count} domain and {legacy.Count} legacy latencies of {settings.MinLatencySamples} each needed"));
        }

        var z = Proportions.Z(settings.Confidence);
        var d = QuantileInterval.Of(domain, Quantile, z);
        var l = QuantileInterval.Of(legacy, Quantile, z);
        var failed = Beyond(settings, d.Lower, l.Upper);
        return new(JudgeChecks.Latency, failed ? CheckOutcomes.Fail : CheckOutcomes.Pass,
            Invariant($"p95 domain {Ms(d.Estimate)} ms (≥ {Ms(d.Lower)}) over {d.Samples} vs legacy {Ms(l.Estimate)} ms (≤ {Ms(l.Upper)}) over {l.Samples}; limit +{settings.MaxP95IncreasePercent} % and +{settings.MinP95DeltaMs} ms"),
            Doubtful: Beyond(settings, d.Estimate, l.Estimate));
    }

    private static bool Beyond(RolloutPlanSettings settings, double domain, double legacy) =>
        domain > legacy * (1 + settings.MaxP95IncreasePercent / 100) && domain - legacy > settings.MinP95DeltaMs;
}

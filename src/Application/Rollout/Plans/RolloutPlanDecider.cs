using System.Globalization;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// The pure decision of progressive delivery: thresholds and what was measured in the current step →
/// hold, promote, complete or roll back, with the reason. No I/O and no clock, so it is tested as a table.
/// Order: too little traffic holds first (no verdict on no evidence); then any breach rolls back at once,
/// without waiting for the window; a healthy step is promoted only once the whole window has passed.
/// </summary>
public static class RolloutPlanDecider
{
    /// <summary>
    /// Latencies each side needs before p95s are compared: with fewer, a nearest-rank p95 is simply the maximum,
    /// and one cold-start request (JIT, a new connection) would roll a healthy step back.
    /// </summary>
    public const int MinLatencySamples = 20;

    public static PlanDecision Decide(RolloutPlanSettings settings, int stepIndex, StepHealth health)
    {
        var percentage = settings.Steps[stepIndex];
        if (health.DomainRequests < settings.MinRequests)
        {
            return new(PlanVerdicts.Hold, Format(
                $"waiting for traffic at {percentage} %: {health.DomainRequests} of {settings.MinRequests} domain requests since {health.WindowStartedAt:O}"));
        }

        if (Breach(settings, health) is { } breach)
        {
            return new(PlanVerdicts.Rollback, Format($"rolled back from {percentage} %: {breach}"));
        }

        if (health.ObservedSeconds < settings.ObservationSeconds)
        {
            return new(PlanVerdicts.Hold, Format(
                $"observing {percentage} %: {Math.Floor(health.ObservedSeconds)} of {settings.ObservationSeconds} s, healthy so far ({Summary(health)})"));
        }

        return stepIndex == settings.Steps.Count - 1
            ? new(PlanVerdicts.Complete, Format($"healthy at {percentage} % for {settings.ObservationSeconds} s ({Summary(health)}): plan complete"))
            : new(PlanVerdicts.Promote, Format(
                $"healthy at {percentage} % for {settings.ObservationSeconds} s ({Summary(health)}): promoted to {settings.Steps[stepIndex + 1]} %"));
    }

    private static string? Breach(RolloutPlanSettings settings, StepHealth health)
    {
        var requests = health.DomainRequests;
        if (health.DomainErrors * 100.0 > settings.MaxErrorRatePercent * requests)
        {
            return Format($"error rate {health.ErrorRatePercent} % > {settings.MaxErrorRatePercent} % ({health.DomainErrors} of {requests} domain attempts failed)");
        }

        if (health.SuccessfulAnswers * 100.0 < settings.MinSuccessRatePercent * health.Answered)
        {
            return Format($"success rate {health.SuccessRatePercent} % < {settings.MinSuccessRatePercent} % ({health.SuccessfulAnswers} of {health.Answered} requests answered without a server error)");
        }

        if (health is { DomainP95Ms: { } domain, LegacyP95Ms: { } legacy, DomainLatencySamples: >= MinLatencySamples, LegacyLatencySamples: >= MinLatencySamples }
            && domain > legacy * (1 + settings.MaxP95IncreasePercent / 100)
            && domain - legacy > settings.MinP95DeltaMs)
        {
            return Format($"p95 latency {Math.Round(domain, 2)} ms is {health.P95IncreasePercent} % over legacy {Math.Round(legacy, 2)} ms (limit {settings.MaxP95IncreasePercent} %)");
        }

        var compared = health.ParityCompared;
        if (compared > 0 && (compared - health.ParityMismatched) * 100.0 < settings.MinParityPercent * compared)
        {
            return Format($"parity {health.ParityAccuracyPercent} % < {settings.MinParityPercent} % ({compared - health.ParityMismatched} of {compared} samples matched)");
        }

        return null;
    }

    private static string Summary(StepHealth health) => Format(
        $"{health.DomainRequests} domain requests, error rate {health.ErrorRatePercent} %, success rate {health.SuccessRatePercent} %, p95 {Ms(health.DomainP95Ms)} vs legacy {Ms(health.LegacyP95Ms)}, parity {(health.ParityAccuracyPercent is { } p ? Format($"{p} %") : "not sampled")}");

    private static string Ms(double? value) => value is { } v ? Math.Round(v, 2).ToString(CultureInfo.InvariantCulture) + " ms" : "n/a";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Text.Json.Serialization;
using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// What the cluster measured for one endpoint since the current step started: the sum of every instance's published
/// slices in [step start, evaluation], percentage-split traffic only (steered traffic is in <paramref name="Steered"/>).
/// </summary>
/// <param name="DomainRequests">Domain attempts (including those that failed and fell back).</param>
/// <param name="DomainErrors">Domain attempts that failed with a non-business error.</param>
/// <param name="LegacyRequests">Requests routed to legacy (not fallbacks).</param>
/// <param name="LegacyErrors">Of those, the ones that failed with a non-business error.</param>
/// <param name="FallbackRequests">Legacy answers to failed domain attempts.</param>
/// <param name="FallbackErrors">Of those, the ones legacy failed too.</param>
/// <param name="DomainP95Ms">p95 of domain latencies in the window; null without samples.</param>
/// <param name="DomainLatencySamples">How many latencies <paramref name="DomainP95Ms"/> is computed over.</param>
/// <param name="LegacyP95Ms">p95 of legacy latencies in the window (the latest window when legacy had none in it).</param>
/// <param name="LegacyLatencySamples">How many latencies <paramref name="LegacyP95Ms"/> is computed over.</param>
/// <param name="Steered">The step's steered requests (force_domain, allow/deny lists, kill switch): reported, not judged.</param>
/// <param name="Instances">Every instance that reported in the step, with its share and whether it is silent now.</param>
public sealed record StepHealth(
    DateTime WindowStartedAt,
    double ObservedSeconds,
    long DomainRequests,
    long DomainErrors,
    long LegacyRequests,
    long LegacyErrors,
    long FallbackRequests,
    long FallbackErrors,
    double? DomainP95Ms,
    int DomainLatencySamples,
    double? LegacyP95Ms,
    int LegacyLatencySamples,
    long ParityCompared,
    long ParityMismatched,
    SteeredTraffic? Steered = null,
    IReadOnlyList<InstanceEvidence>? Instances = null)
{
    /// <summary>The step's health from the cluster's evidence (<paramref name="legacyLatency"/>: legacy's p95 baseline).</summary>
    public static StepHealth From(EndpointEvidence step, LatencyHistogram legacyLatency, double observedSeconds) => new(
        step.From,
        observedSeconds,
        step.Domain.Requests,
        step.Domain.Failures,
        step.Legacy.Requests,
        step.Legacy.Failures,
        step.Fallback.Requests,
        step.Fallback.Failures,
        step.Domain.Latency.Quantile(0.95),
        (int)Math.Min(int.MaxValue, step.Domain.Latency.Count),
        legacyLatency.Quantile(0.95),
        (int)Math.Min(int.MaxValue, legacyLatency.Count),
        step.ParityCompared,
        step.ParityMismatched,
        new SteeredTraffic(step.Steered.Domain.Requests, step.Steered.Domain.Failures, step.Steered.Legacy.Requests,
            step.Steered.Legacy.Failures, step.Steered.Fallback.Requests, step.Steered.Fallback.Failures),
        step.Instances);

    /// <summary>Instances that reported during the step and have gone quiet since: their silence is not health.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SilentInstances => Instances?.Where(i => i.Silent).Select(i => i.InstanceId).ToList() ?? [];

    public double? ErrorRatePercent => DomainRequests == 0 ? null : Round(100.0 * DomainErrors / DomainRequests);

    /// <summary>
    /// Of every request the endpoint answered in the window, on any path, the share answered without a server error:
    /// what callers saw. Unlike the error rate it also catches fallbacks failing and legacy breaking during the step.
    /// </summary>
    public double? SuccessRatePercent => Answered == 0 ? null : Round(100.0 * SuccessfulAnswers / Answered);

    public double? P95IncreasePercent => DomainP95Ms is { } domain && LegacyP95Ms is { } legacy and > 0
        ? Round(100.0 * (domain - legacy) / legacy)
        : null;

    public double? ParityAccuracyPercent => ParityCompared == 0 ? null : Round(100.0 * (ParityCompared - ParityMismatched) / ParityCompared);

    /// <summary>Every caller's request ends in one answer: a domain success, a legacy one or a fallback.</summary>
    [JsonIgnore]
    public long Answered => DomainRequests - DomainErrors + LegacyRequests + FallbackRequests;

    [JsonIgnore]
    public long SuccessfulAnswers => Answered - LegacyErrors - FallbackErrors;

    private static double Round(double value) => Math.Round(value, 2);
}

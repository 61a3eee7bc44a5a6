using CameraMonitor.Application.Rollout.Evidence;
using static CameraMonitor.Application.Rollout.Plans.Judge.JudgeText;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>
/// Domain failure rate, against legacy's and against the absolute limit.
/// <para>Against legacy: Wald's SPRT of "domain fails as often as legacy" (p₀ = the one-sided 90 % Wilson upper bound of legacy's
/// rate over the whole plan: never 0, so a zero-error legacy still yields a finite test and a failing domain
/// path cannot hide behind it, and not fooled by a short window in which legacy happened not to fail) versus
/// "domain fails MinErrorRateIncreasePercent points more" (p₁ = p₀ + that). The check fails when the log-likelihood
/// ratio reaches ln(1/<see cref="SequentialAlpha"/>): a domain path as healthy as legacy gets there with probability
/// ≤ 1 % however often it is evaluated, and a +5-point path in about a hundred requests. One failure moves the
/// ratio by ln(p₁/p₀) ≈ 1.6, so one unlucky request cannot fail it, but five failures in the first five requests do.
/// The ratio is computed over the plan so far (no evidence thrown away at a promotion) and over the step (a path that
/// starts failing at a higher percentage is not diluted by the earlier healthy steps); the larger one decides. A crossing rolls back at once (<see cref="CheckResult.Sequential"/>).</para>
/// <para>Against the limit: the Jeffreys beta posterior of the step's (and the plan's) domain rate; fails when
/// P(rate &gt; MaxErrorRatePercent) ≥ Confidence. A hard breach, P(rate &gt; HardErrorRatePercent) ≥ 99.9 %, rolls back at
/// once. Needs MinRequests domain attempts, unless the sequential test already failed.</para>
/// </summary>
internal static class ErrorRateCheck
{
    public const double HardBreachProbability = 0.999;

    /// <summary>The sequential test's false-alarm bound per window.</summary>
    public const double SequentialAlpha = 0.01;

    /// <summary>Legacy's rate is taken at its Wilson upper bound at this confidence: a short legacy window that saw no failure must not make the domain path's first failures look damning.</summary>
    public const double BaselineConfidence = 0.9;

    private static readonly double FailingRatio = Math.Log(1 / SequentialAlpha);

    public static CheckResult Evaluate(RolloutPlanSettings settings, JudgeInput input)
    {
        var step = input.Step.Domain;
        var plan = input.Plan.Domain;
        var legacy = input.Plan.Legacy;
        var baseline = Proportions.WilsonUpper(legacy.Failures, legacy.Requests, BaselineConfidence);
        var alternative = Math.Min(baseline + settings.MinErrorRateIncreasePercent / 100, 0.999);
        var ratio = Math.Max(Proportions.LogLikelihoodRatio(step.Failures, step.Requests, baseline, alternative),
            Proportions.LogLikelihoodRatio(plan.Failures, plan.Requests, baseline, alternative));
        var comparable = legacy.Requests >= settings.MinRequests;
        var sequentialFailed = comparable && ratio >= FailingRatio;
        var evidence = Invariant($"domain {step.Failures} of {step.Requests} attempts failed in the step ({Percent(step.Failures, step.Requests)} %), {plan.Failures} of {plan.Requests} in the plan");
        if (plan.Requests < settings.MinRequests && !sequentialFailed)
        {
            return new(JudgeChecks.Errors, CheckOutcomes.Insufficient,
                Invariant($"{plan.Requests} of {settings.MinRequests} domain attempts needed ({evidence})"));
        }

        var overLimit = Math.Max(Above(step, settings.MinRequests, settings.MaxErrorRatePercent), Above(plan, settings.MinRequests, settings.MaxErrorRatePercent));
        var hard = Math.Max(Above(step, settings.MinRequests, settings.HardErrorRatePercent), Above(plan, settings.MinRequests, settings.HardErrorRatePercent));
        var failed = sequentialFailed || overLimit >= settings.Confidence;
        var versus = comparable
            ? Invariant($"legacy {legacy.Failures} of {legacy.Requests} ({Percent(legacy.Failures, legacy.Requests)} %); SPRT log-ratio for +{settings.MinErrorRateIncreasePercent} pt {Round(ratio)} (fails at {Round(FailingRatio)})")
            : Invariant($"legacy {legacy.Requests} attempts, too few to compare");
        return new(JudgeChecks.Errors, failed ? CheckOutcomes.Fail : CheckOutcomes.Pass,
            Invariant($"{evidence}; {versus}; P(domain > {settings.MaxErrorRatePercent} %) = {Probability(overLimit)}"),
            HardBreach: failed && hard >= HardBreachProbability, Sequential: sequentialFailed,
            Doubtful: (comparable && ratio >= FailingRatio / 2) || overLimit > 0.5);
    }

    private static double Above(PathEvidence path, int minRequests, double percent) =>
        path.Requests < minRequests ? 0 : Proportions.ProbabilityAbove(path.Failures, path.Requests, percent / 100);
}

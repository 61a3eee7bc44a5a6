using static CameraMonitor.Application.Rollout.Plans.Judge.JudgeText;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>
/// What callers saw: of every answer in the step (domain successes, legacy answers, fallbacks), the share without a
/// server error. Fails when the posterior probability that the server-error share exceeds 100 − MinSuccessRatePercent
/// is ≥ Confidence (Jeffreys beta posterior, like <see cref="ErrorRateCheck"/>). Catches fallbacks failing too and
/// legacy breaking during the step. Needs MinRequests answers.
/// </summary>
internal static class SuccessRateCheck
{
    public static CheckResult Evaluate(RolloutPlanSettings settings, JudgeInput input)
    {
        var step = input.Step;
        var answered = step.Domain.Requests - step.Domain.Failures + step.Legacy.Requests + step.Fallback.Requests;
        var serverErrors = step.Legacy.Failures + step.Fallback.Failures;
        if (answered < settings.MinRequests)
        {
            return new(JudgeChecks.SuccessRate, CheckOutcomes.Insufficient,
                Invariant($"{answered} of {settings.MinRequests} answers needed"));
        }

        var belowLimit = Proportions.ProbabilityAbove(serverErrors, answered, 1 - settings.MinSuccessRatePercent / 100);
        return new(JudgeChecks.SuccessRate, belowLimit >= settings.Confidence ? CheckOutcomes.Fail : CheckOutcomes.Pass,
            Invariant($"{answered - serverErrors} of {answered} answers without a server error ({Percent(answered - serverErrors, answered)} %), P(success rate < {settings.MinSuccessRatePercent} %) = {Probability(belowLimit)}"),
            Doubtful: belowLimit > 0.5);
    }
}

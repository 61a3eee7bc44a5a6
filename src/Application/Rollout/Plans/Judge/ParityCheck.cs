using static CameraMonitor.Application.Rollout.Plans.Judge.JudgeText;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>
/// Parity accuracy over the step's compared samples with a one-sided Wilson score upper bound at Confidence: fails
/// when even that bound is below MinParityPercent. Wilson rather than the normal interval because accuracy sits near
/// 100 %, where the normal interval collapses. Needs MinParitySamples compared samples (parity sampling on).
/// </summary>
internal static class ParityCheck
{
    public static CheckResult Evaluate(RolloutPlanSettings settings, JudgeInput input)
    {
        var compared = input.Step.ParityCompared;
        var matched = compared - input.Step.ParityMismatched;
        if (compared < settings.MinParitySamples)
        {
            return new(JudgeChecks.Parity, CheckOutcomes.Insufficient,
                Invariant($"{compared} of {settings.MinParitySamples} parity samples needed (is parity sampling on?)"));
        }

        var upper = Proportions.WilsonUpper(matched, compared, settings.Confidence);
        return new(JudgeChecks.Parity, upper * 100 < settings.MinParityPercent ? CheckOutcomes.Fail : CheckOutcomes.Pass,
            Invariant($"{matched} of {compared} samples matched ({Percent(matched, compared)} %, upper bound {Round(upper * 100)} %); limit {settings.MinParityPercent} %"),
            Doubtful: matched * 100.0 < settings.MinParityPercent * compared);
    }
}

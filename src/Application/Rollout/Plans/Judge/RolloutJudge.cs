using static CameraMonitor.Application.Rollout.Plans.Judge.JudgeText;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>
/// The pure judge of a plan's step: evidence in, verdict out, no I/O, no clock and no state of its own (the count of
/// failing evaluations in a row comes in and goes out with the plan), so the same evidence gives the same verdict on
/// any instance. Each check states its method (see <see cref="ErrorRateCheck"/>, <see cref="SuccessRateCheck"/>,
/// <see cref="LatencyCheck"/>, <see cref="ParityCheck"/> and docs/operations.md). Order of the decision:
/// <list type="number">
/// <item>a hard breach of a counted check, or a failed sequential test (whose false-alarm bound already holds under
/// repeated evaluation), rolls back at once;</item>
/// <item>any counted failure adds one to the failures in a row; at FailureLimit the step rolls back, else it holds;</item>
/// <item>an evaluation without a counted failure resets the count; before the window ends the step holds;</item>
/// <item>at the window's end, a passing check whose evidence still leans toward a regression (doubtful) keeps the
/// step observed longer, up to <see cref="MaxWindows"/> windows, so a regression the window was too short to prove is
/// not promoted away (each step restarts the evidence);</item>
/// <item>an enabled, counted check without enough evidence (or still doubtful after <see cref="MaxWindows"/> windows)
/// makes the verdict inconclusive (the plan pauses and names it) instead of promoting on evidence nobody judged;</item>
/// <item>an instance that reported during the step and has gone silent holds the step (its silence is not health);</item>
/// <item>otherwise promote, or complete at the last step.</item>
/// </list>
/// Dry-run checks are evaluated and recorded but never count toward a rollback nor block a promotion.
/// </summary>
public static class RolloutJudge
{
    /// <summary>How many observation windows a step may be observed while a check is doubtful.</summary>
    public const int MaxWindows = 3;

    public static JudgeVerdict Judge(RolloutPlanSettings settings, JudgeInput input)
    {
        var checks = JudgeChecks.All.Select(check => Evaluate(settings, check, input)).ToList();
        var percentage = settings.Steps[input.StepIndex];
        var failing = checks.Where(c => c.Counts).ToList();
        if (failing.FirstOrDefault(c => c.HardBreach || c.Sequential) is { } breach)
        {
            var why = breach.HardBreach ? "hard breach of" : "sequential test failed for";
            return new(PlanVerdicts.Rollback,
                Invariant($"rolled back from {percentage} % at once: {why} {breach.Check}: {breach.Detail}"),
                checks, input.ConsecutiveFailures + 1);
        }

        if (failing.Count > 0)
        {
            var inARow = input.ConsecutiveFailures + 1;
            var what = string.Join("; ", failing.Select(c => $"{c.Check}: {c.Detail}"));
            return inARow >= settings.FailureLimit
                ? new(PlanVerdicts.Rollback,
                    Invariant($"rolled back from {percentage} % after {inARow} failing evaluations in a row: {what}"), checks, inARow)
                : new(PlanVerdicts.Hold,
                    Invariant($"failing at {percentage} % ({inARow} of {settings.FailureLimit} in a row before a rollback): {what}"), checks, inARow);
        }

        if (input.ObservedSeconds < settings.ObservationSeconds)
        {
            return new(PlanVerdicts.Hold,
                Invariant($"observing {percentage} %: {Math.Floor(input.ObservedSeconds)} of {settings.ObservationSeconds} s, no failing check ({Summary(checks)})"),
                checks, 0);
        }

        var doubtful = checks.Where(c => c.HoldsPromotion).ToList();
        if (doubtful.Count > 0 && input.ObservedSeconds < MaxWindows * settings.ObservationSeconds)
        {
            return new(PlanVerdicts.Hold,
                Invariant($"observing {percentage} % longer ({Math.Floor(input.ObservedSeconds)} s, up to {MaxWindows * settings.ObservationSeconds} s): leaning toward a regression: {string.Join("; ", doubtful.Select(c => $"{c.Check}: {c.Detail}"))}"),
                checks, 0);
        }

        // An instance that reported during the step and went quiet may be failing unseen: its silence is not health.
        var silent = input.Step.Instances.Where(i => i.Silent).Select(i => i.InstanceId).ToList();
        if (silent.Count > 0)
        {
            return new(PlanVerdicts.Hold,
                Invariant($"holding at {percentage} %: instance(s) {string.Join(", ", silent)} stopped reporting evidence; their silence is not health ({Summary(checks)})"),
                checks, 0);
        }

        var lacking = checks.Where(c => c is { Outcome: CheckOutcomes.Insufficient, DryRun: false } || c.HoldsPromotion).ToList();
        if (lacking.Count > 0)
        {
            return new(PlanVerdicts.Inconclusive,
                Invariant($"window of {settings.ObservationSeconds} s at {percentage} % ended without conclusive evidence for {string.Join("; ", lacking.Select(c => $"{c.Check} ({c.Detail})"))}: plan paused"),
                checks, 0);
        }

        return input.StepIndex == settings.Steps.Count - 1
            ? new(PlanVerdicts.Complete, Invariant($"healthy at {percentage} % for {settings.ObservationSeconds} s ({Summary(checks)}): plan complete"), checks, 0)
            : new(PlanVerdicts.Promote,
                Invariant($"healthy at {percentage} % for {settings.ObservationSeconds} s ({Summary(checks)}): promoted to {settings.Steps[input.StepIndex + 1]} %"),
                checks, 0);
    }

    private static CheckResult Evaluate(RolloutPlanSettings settings, string check, JudgeInput input)
    {
        if (!settings.IsEnabled(check))
        {
            return new(check, CheckOutcomes.Disabled, "disabled in the plan's settings");
        }

        var result = check switch
        {
            JudgeChecks.Errors => ErrorRateCheck.Evaluate(settings, input),
            JudgeChecks.SuccessRate => SuccessRateCheck.Evaluate(settings, input),
            JudgeChecks.Latency => LatencyCheck.Evaluate(settings, input),
            _ => ParityCheck.Evaluate(settings, input),
        };
        return settings.IsDryRun(check) ? result with { DryRun = true } : result;
    }

    private static string Summary(IEnumerable<CheckResult> checks) => string.Join("; ", checks
        .Where(c => c.Outcome != CheckOutcomes.Disabled)
        .Select(c => $"{c.Check} {c.Outcome}{(c.DryRun ? " (dry run)" : "")}: {c.Detail}"));
}

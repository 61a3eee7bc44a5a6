namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>The judge's conclusion.</summary>
/// <param name="Verdict">One of <see cref="PlanVerdicts"/>.</param>
/// <param name="Reason">Why, naming the checks and their evidence.</param>
/// <param name="Checks">Every check's result, in <see cref="JudgeChecks.All"/> order.</param>
/// <param name="ConsecutiveFailures">Failing evaluations in a row including this one (0 after one that did not fail); stored with the plan.</param>
public sealed record JudgeVerdict(string Verdict, string Reason, IReadOnlyList<CheckResult> Checks, int ConsecutiveFailures);

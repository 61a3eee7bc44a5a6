namespace CameraMonitor.Application.Rollout.Plans;

/// <param name="Verdict">One of <see cref="PlanVerdicts"/>.</param>
/// <param name="Reason">Why, with the numbers that decided it (goes to the audit row and the API).</param>
public sealed record PlanDecision(string Verdict, string Reason);

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>One check's conclusion in one evaluation, with the numbers behind it.</summary>
/// <param name="Check">One of <see cref="JudgeChecks"/>.</param>
/// <param name="Outcome">One of <see cref="CheckOutcomes"/>.</param>
/// <param name="Detail">The evidence and the statistic, e.g. "9 of 120 domain attempts failed (7.5 %) …".</param>
/// <param name="HardBreach">A failure so clear that it rolls back at once, whatever the failure limit.</param>
/// <param name="DryRun">Recorded only: its failures never count toward a rollback.</param>
/// <param name="Doubtful">
/// Passing, but the evidence leans toward a regression (a failure probability above ½, or a point estimate beyond the
/// limit): the step is not promoted on it yet; it is observed longer until the check passes clearly or fails.
/// </param>
/// <param name="Sequential">
/// The failure comes from a sequential test that crossed its boundary (the errors check's SPRT): its false-alarm bound
/// already holds however often it is evaluated, so it rolls back without waiting for the failure limit, which exists
/// for the snapshot checks whose false alarms add up over repeated evaluations.
/// </param>
public sealed record CheckResult(string Check, string Outcome, string Detail, bool HardBreach = false, bool DryRun = false,
    bool Doubtful = false, bool Sequential = false)
{
    /// <summary>A failure that counts toward a rollback.</summary>
    public bool Counts => Outcome == CheckOutcomes.Fail && !DryRun;

    /// <summary>Keeps a step from being promoted: counted, passing and <see cref="Doubtful"/>.</summary>
    public bool HoldsPromotion => Outcome == CheckOutcomes.Pass && Doubtful && !DryRun;
}

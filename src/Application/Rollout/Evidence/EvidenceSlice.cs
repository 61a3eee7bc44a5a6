namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>What this instance recorded over [<paramref name="Start"/>, <paramref name="End"/>], as drained for publishing.</summary>
public sealed record EvidenceSlice(DateTime Start, DateTime End, IReadOnlyList<AttemptSlice> Attempts, IReadOnlyList<ComparisonSlice> Comparisons)
{
    public int RowCount => Attempts.Count + Comparisons.Count;
}

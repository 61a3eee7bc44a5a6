namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One field's comparison counts over a window, summed over the cluster (see <see cref="ComparisonKinds"/>).</summary>
/// <param name="Field">The field ('' for the whole sample: <paramref name="Samples"/> = samples compared).</param>
/// <param name="NoisySince">The start of the first slice in the window where the field differed between two runs of the same implementation.</param>
public sealed record FieldComparison(string Field, long Samples, long Mismatched, long Noise, long Failures, long Skipped, DateTime? NoisySince);

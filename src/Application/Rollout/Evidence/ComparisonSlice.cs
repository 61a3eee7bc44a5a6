namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One endpoint × kind × field of a slice: a row of rollout_evidence_comparisons (see <see cref="ComparisonKinds"/>).</summary>
public sealed record ComparisonSlice(string Endpoint, string Kind, string Field, long Samples, long Mismatched, long Noise,
    long Failures, long Skipped);

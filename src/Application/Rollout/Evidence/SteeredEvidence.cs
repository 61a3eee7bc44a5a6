namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>Traffic whose path was not chosen by the percentage split (force_domain, allow/deny lists, kill switch): reported, never judged.</summary>
public sealed record SteeredEvidence(PathEvidence Domain, PathEvidence Legacy, PathEvidence Fallback);

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// Requests of the step whose path a rule chose instead of the percentage split (force_domain, allow/deny list, kill
/// switch): shown with the plan's evidence, never judged as evidence about the split.
/// </summary>
public sealed record SteeredTraffic(long DomainRequests, long DomainErrors, long LegacyRequests, long LegacyErrors, long FallbackRequests,
    long FallbackErrors);

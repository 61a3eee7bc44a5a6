using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>The evidence a plan's step is judged on.</summary>
/// <param name="Step">Since the step's window started.</param>
/// <param name="Plan">Since the plan started.</param>
/// <param name="WindowStartedAt">When the step's window started.</param>
public sealed record PlanEvidence(EndpointEvidence Step, EndpointEvidence Plan, DateTime WindowStartedAt);

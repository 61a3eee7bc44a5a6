namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>How a simulated plan ended, and how many domain requests it had served by then.</summary>
internal sealed record PlanOutcome(string Verdict, long DomainRequests);

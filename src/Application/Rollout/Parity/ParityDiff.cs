namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>One kept diff for the report: where, what the domain said, what legacy said, when.</summary>
public sealed record ParityDiff(string Path, string? DomainValue, string? LegacyValue, DateTime ObservedAt);

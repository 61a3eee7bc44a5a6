namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>One differing field or column: where, what the domain side had, what the legacy side had.</summary>
public sealed record DarkLaunchDiff(string Path, string? DomainValue, string? LegacyValue);

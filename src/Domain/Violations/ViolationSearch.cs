namespace CameraMonitor.Domain.Violations;

/// <summary>Which violations to list, newest first; every filter is optional.</summary>
public sealed record ViolationSearch(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? CameraId,
    string? ViolationType,
    ViolationStatus? Status,
    int Limit,
    int Offset);

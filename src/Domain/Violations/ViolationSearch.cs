using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Violations;

/// <summary>Which violations to list, newest first; every filter is optional. <c>After</c> pages by keyset.</summary>
public sealed record ViolationSearch(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? CameraId,
    string? ViolationType,
    ViolationStatus? Status,
    int Limit,
    int Offset,
    PageCursor? After = null);

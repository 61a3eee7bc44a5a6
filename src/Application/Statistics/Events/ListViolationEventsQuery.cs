using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Statistics.Events;

/// <summary>GET /api/v1/statistics/events: violation events, newest first, filtered and paged by offset or by keyset (after).</summary>
public sealed record ListViolationEventsQuery(
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    string? CameraId = null,
    string? ViolationType = null,
    string? Status = null,
    int Limit = ListViolationEventsQuery.DefaultLimit,
    int Offset = 0,
    string? After = null) : IQuery<ViolationEventsResponse>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;
}

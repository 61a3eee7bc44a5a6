using CameraMonitor.Application.Violations;

namespace CameraMonitor.Application.Statistics.Events;

/// <summary>
/// One page of events. <c>total</c> counts the whole filtered set (also when paging with a cursor);
/// <c>next_cursor</c> is the <c>after</c> value of the next page, null when this page was not full.
/// </summary>
public sealed record ViolationEventsResponse(IReadOnlyList<ViolationDto> Events, long Total, int Limit, int Offset,
    string? NextCursor);

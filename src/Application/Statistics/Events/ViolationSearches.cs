using CameraMonitor.Application.Statistics.History;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Application.Statistics.Events;

/// <summary>The one mapping from the event requests to a repository search, for both paths.</summary>
public static class ViolationSearches
{
    public static ViolationSearch From(ListViolationEventsQuery query) => new(query.StartTime, query.EndTime,
        query.CameraId, query.ViolationType,
        query.Status is null ? null : ViolationStatusNames.Parse(query.Status), query.Limit, query.Offset,
        PageCursor.TryParse(query.After));

    public static ViolationSearch From(GetEventHistoryQuery query) => new(null, null, null, null, null, query.Limit, 0);
}

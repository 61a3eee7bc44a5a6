using CameraMonitor.Application.Violations;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Violations;
using MediatR;

namespace CameraMonitor.Application.Statistics.Events;

/// <summary>Domain path: the aggregates through the repository; the total from the rollups (exact, without a scan).</summary>
public sealed class ListViolationEventsHandler(IViolationRepository violations)
    : IRequestHandler<ListViolationEventsQuery, ViolationEventsResponse>
{
    public async Task<ViolationEventsResponse> Handle(ListViolationEventsQuery request, CancellationToken cancellationToken)
    {
        var search = ViolationSearches.From(request);
        var page = await violations.SearchAsync(search, cancellationToken);
        var total = await violations.CountAsync(search, cancellationToken);
        return new ViolationEventsResponse(page.Select(ViolationDto.FromDomain).ToList(), total, request.Limit,
            request.Offset, PageCursor.After(page, request.Limit, v => v.DetectedAt, v => v.Id));
    }
}

using CameraMonitor.Application.Statistics.Events;
using CameraMonitor.Application.Violations;
using CameraMonitor.Domain.Violations;
using MediatR;

namespace CameraMonitor.Application.Statistics.History;

/// <summary>Domain path: the newest aggregates through the repository.</summary>
public sealed class GetEventHistoryHandler(IViolationRepository violations)
    : IRequestHandler<GetEventHistoryQuery, EventHistoryResponse>
{
    public async Task<EventHistoryResponse> Handle(GetEventHistoryQuery request, CancellationToken cancellationToken)
    {
        var events = (await violations.SearchAsync(ViolationSearches.From(request), cancellationToken))
            .Select(ViolationDto.FromDomain).ToList();
        return new EventHistoryResponse(events, events.Count);
    }
}

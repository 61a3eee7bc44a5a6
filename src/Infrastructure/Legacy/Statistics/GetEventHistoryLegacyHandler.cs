using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.History;
using CameraMonitor.Application.Violations;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Statistics;

/// <summary>Legacy path: the newest violations straight into DTOs.</summary>
public sealed class GetEventHistoryLegacyHandler(IDbSession session) : ILegacyHandler<GetEventHistoryQuery, EventHistoryResponse>
{
    public async Task<EventHistoryResponse> Handle(GetEventHistoryQuery request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var events = (await connection.QueryAsync<ViolationDto>(new CommandDefinition(
            ViolationRows.SelectDto + ViolationRows.NewestFirst + " LIMIT @Limit", new { request.Limit },
            session.Transaction, cancellationToken: cancellationToken))).ToList();
        return new EventHistoryResponse(events, events.Count);
    }
}

using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Events;
using CameraMonitor.Application.Violations;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Statistics;

/// <summary>Legacy path: the filtered page and its count straight into DTOs.</summary>
public sealed class ListViolationEventsLegacyHandler(IDbSession session)
    : ILegacyHandler<ListViolationEventsQuery, ViolationEventsResponse>
{
    public async Task<ViolationEventsResponse> Handle(ListViolationEventsQuery request, CancellationToken cancellationToken)
    {
        var (page, count) = ViolationRows.Search(ViolationSearches.From(request), ViolationRows.SelectDto);
        var connection = await session.ConnectionAsync(cancellationToken);
        var events = (await connection.QueryAsync<ViolationDto>(new CommandDefinition(page.Sql, page.Parameters,
            session.Transaction, cancellationToken: cancellationToken))).ToList();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(count.Sql, count.Parameters,
            session.Transaction, cancellationToken: cancellationToken));
        return new ViolationEventsResponse(events, total, request.Limit, request.Offset,
            PageCursor.After(events, request.Limit, e => new DateTimeOffset(e.DetectedAt, TimeSpan.Zero), e => e.Id));
    }
}

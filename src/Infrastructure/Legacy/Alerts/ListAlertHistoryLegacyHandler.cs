using CameraMonitor.Application.Alerts;
using CameraMonitor.Application.Alerts.ListAlertHistory;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Alerts;

/// <summary>Legacy path: one filtered SELECT straight into the DTOs.</summary>
public sealed class ListAlertHistoryLegacyHandler(IDbSession session)
    : ILegacyHandler<ListAlertHistoryQuery, ListAlertHistoryResponse>
{
    public async Task<ListAlertHistoryResponse> Handle(ListAlertHistoryQuery request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var alerts = (await connection.QueryAsync<AlertDto>(new CommandDefinition(AlertSql.Columns + AlertSql.FilterAndOrder,
            AlertSql.FilterParameters(request.CameraId, request.AlertType, request.Severity, request.Since, request.Limit),
            session.Transaction, cancellationToken: cancellationToken))).ToList();
        return new ListAlertHistoryResponse(alerts, alerts.Count);
    }
}

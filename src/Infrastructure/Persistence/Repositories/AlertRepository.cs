using CameraMonitor.Domain.Alerts;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

public sealed class AlertRepository(IDbSession session) : IAlertRepository
{
    public async Task<IReadOnlyList<Alert>> ListAsync(AlertFilter filter, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(
            AlertSql.Columns + ", window_start" + AlertSql.FilterAndOrder,
            AlertSql.FilterParameters(filter.CameraId, filter.AlertType, filter.Severity?.ToName(), filter.Since, filter.Limit),
            session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(ToDomain).ToList();
    }

    public async Task<bool> AddIfNewInWindowAsync(Alert alert, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(AlertSql.Insert, new
        {
            alert.RuleId,
            CameraId = alert.CameraId.Value,
            alert.AlertType,
            Severity = alert.Severity.ToName(),
            alert.Message,
            TriggeredAt = alert.TriggeredAt.UtcDateTime,
            AcknowledgedAt = alert.AcknowledgedAt?.UtcDateTime,
            WindowStart = alert.WindowStart?.UtcDateTime,
        }, session.Transaction, cancellationToken: cancellationToken)) == 1;
    }

    private static Alert ToDomain(AlertRow row) => Alert.Rehydrate(row.Id, row.RuleId, row.CameraId, row.AlertType,
        row.Severity, row.Message, Utc(row.TriggeredAt),
        row.AcknowledgedAt is { } acknowledged ? Utc(acknowledged) : null,
        row.WindowStart is { } windowStart ? Utc(windowStart) : null);

    private static DateTimeOffset Utc(DateTime value) => new(value, TimeSpan.Zero);
}

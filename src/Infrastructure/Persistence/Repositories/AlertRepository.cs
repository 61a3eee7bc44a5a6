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

    public async Task<int> AddIfNewInWindowAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return 0;
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(AlertSql.InsertMany, new
        {
            RuleIds = alerts.Select(a => a.RuleId).ToArray(),
            CameraIds = alerts.Select(a => a.CameraId.Value).ToArray(),
            AlertTypes = alerts.Select(a => a.AlertType).ToArray(),
            Severities = alerts.Select(a => a.Severity.ToName()).ToArray(),
            Messages = alerts.Select(a => a.Message).ToArray(),
            TriggeredAts = alerts.Select(a => a.TriggeredAt.UtcDateTime).ToArray(),
            AcknowledgedAts = alerts.Select(a => a.AcknowledgedAt?.UtcDateTime).ToArray(),
            WindowStarts = alerts.Select(a => a.WindowStart?.UtcDateTime).ToArray(),
        }, session.Transaction, cancellationToken: cancellationToken));
    }

    private static Alert ToDomain(AlertRow row) => Alert.Rehydrate(row.Id, row.RuleId, row.CameraId, row.AlertType,
        row.Severity, row.Message, Utc(row.TriggeredAt),
        row.AcknowledgedAt is { } acknowledged ? Utc(acknowledged) : null,
        row.WindowStart is { } windowStart ? Utc(windowStart) : null);

    private static DateTimeOffset Utc(DateTime value) => new(value, TimeSpan.Zero);
}

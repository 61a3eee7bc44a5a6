using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Cameras;
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

    public async Task<IReadOnlySet<AlertWindow>> AlertedAsync(IReadOnlyList<AlertWindow> windows,
        CancellationToken cancellationToken)
    {
        if (windows.Count == 0)
        {
            return new HashSet<AlertWindow>();
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var alerted = await connection.QueryAsync<(long RuleId, string CameraId, DateTime WindowStart)>(new CommandDefinition(
            AlertSql.AlertedWindows, new
            {
                RuleIds = windows.Select(w => w.RuleId).ToArray(),
                CameraIds = windows.Select(w => w.CameraId.Value).ToArray(),
                WindowStarts = windows.Select(w => w.WindowStart.UtcDateTime).ToArray(),
            }, session.Transaction, cancellationToken: cancellationToken));
        return alerted.Select(a => new AlertWindow(a.RuleId, CameraId.From(a.CameraId), Utc(a.WindowStart))).ToHashSet();
    }

    private static Alert ToDomain(AlertRow row) => Alert.Rehydrate(row.Id, row.RuleId, row.CameraId, row.AlertType,
        row.Severity, row.Message, Utc(row.TriggeredAt),
        row.AcknowledgedAt is { } acknowledged ? Utc(acknowledged) : null,
        row.WindowStart is { } windowStart ? Utc(windowStart) : null);

    private static DateTimeOffset Utc(DateTime value) => new(value, TimeSpan.Zero);
}

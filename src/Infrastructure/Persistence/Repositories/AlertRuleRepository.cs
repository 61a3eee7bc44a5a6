using CameraMonitor.Application.Alerts;
using CameraMonitor.Domain.Alerts;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

public sealed class AlertRuleRepository(IDbSession session) : IAlertRuleRepository
{
    public async Task<IReadOnlyList<AlertRule>> ListAsync(bool? enabled, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRuleDto>(new CommandDefinition(AlertRuleSql.Select,
            new { Enabled = enabled }, session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => AlertRule.Rehydrate(r.Id, r.Name, r.CameraId, r.RuleType, r.ViolationType, r.Threshold,
            r.WindowMinutes, r.Severity, r.Enabled)).ToList();
    }
}

using CameraMonitor.Application.Alerts;
using CameraMonitor.Application.Alerts.ListAlertRules;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Alerts;

/// <summary>Legacy path: one SELECT straight into the DTOs.</summary>
public sealed class ListAlertRulesLegacyHandler(IDbSession session) : ILegacyHandler<ListAlertRulesQuery, ListAlertRulesResponse>
{
    public async Task<ListAlertRulesResponse> Handle(ListAlertRulesQuery request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rules = (await connection.QueryAsync<AlertRuleDto>(new CommandDefinition(AlertRuleSql.Select,
            new { request.Enabled }, session.Transaction, cancellationToken: cancellationToken))).ToList();
        return new ListAlertRulesResponse(rules, rules.Count);
    }
}

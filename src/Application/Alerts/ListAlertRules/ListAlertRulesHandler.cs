using CameraMonitor.Domain.Alerts;
using MediatR;

namespace CameraMonitor.Application.Alerts.ListAlertRules;

/// <summary>Domain path: rules come back as aggregates (invariants re-checked) through the repository.</summary>
public sealed class ListAlertRulesHandler(IAlertRuleRepository rules)
    : IRequestHandler<ListAlertRulesQuery, ListAlertRulesResponse>
{
    public async Task<ListAlertRulesResponse> Handle(ListAlertRulesQuery request, CancellationToken cancellationToken)
    {
        var selected = (await rules.ListAsync(request.Enabled, cancellationToken)).Select(AlertRuleDto.FromDomain).ToList();
        return new ListAlertRulesResponse(selected, selected.Count);
    }
}

using CameraMonitor.Domain.Alerts;
using MediatR;

namespace CameraMonitor.Application.Alerts.ListAlertHistory;

/// <summary>Domain path: alerts come back as aggregates through the repository.</summary>
public sealed class ListAlertHistoryHandler(IAlertRepository alerts)
    : IRequestHandler<ListAlertHistoryQuery, ListAlertHistoryResponse>
{
    public async Task<ListAlertHistoryResponse> Handle(ListAlertHistoryQuery request, CancellationToken cancellationToken)
    {
        var filter = new AlertFilter(request.CameraId, request.AlertType,
            request.Severity is null ? null : AlertSeverityNames.Parse(request.Severity),
            request.Since?.ToUniversalTime(), request.Limit);
        var selected = (await alerts.ListAsync(filter, cancellationToken)).Select(AlertDto.FromDomain).ToList();
        return new ListAlertHistoryResponse(selected, selected.Count);
    }
}

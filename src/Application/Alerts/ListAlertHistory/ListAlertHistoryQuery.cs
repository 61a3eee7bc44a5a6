using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Alerts.ListAlertHistory;

/// <summary>GET /api/v1/alerts/history-db: stored alerts, newest first, optionally filtered.</summary>
public sealed record ListAlertHistoryQuery(
    string? CameraId = null,
    string? AlertType = null,
    string? Severity = null,
    DateTimeOffset? Since = null,
    int Limit = ListAlertHistoryQuery.DefaultLimit) : IQuery<ListAlertHistoryResponse>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

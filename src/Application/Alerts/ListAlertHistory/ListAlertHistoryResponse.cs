namespace CameraMonitor.Application.Alerts.ListAlertHistory;

public sealed record ListAlertHistoryResponse(IReadOnlyList<AlertDto> Alerts, int Count);

namespace CameraMonitor.Application.Alerts.ListAlertRules;

public sealed record ListAlertRulesResponse(IReadOnlyList<AlertRuleDto> Rules, int Count);

using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Alerts.ListAlertRules;

/// <summary>GET /api/v1/alerts/rules: every alert rule ordered by id, optionally only enabled or disabled ones.</summary>
public sealed record ListAlertRulesQuery(bool? Enabled = null) : IQuery<ListAlertRulesResponse>;

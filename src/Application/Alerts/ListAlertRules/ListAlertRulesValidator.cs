using FluentValidation;

namespace CameraMonitor.Application.Alerts.ListAlertRules;

/// <summary>
/// Intentionally without rules: the only parameter is a bool?, and binding already answers 400 for
/// anything that is not true/false (tested). The validator exists so every routed request has one.
/// </summary>
public sealed class ListAlertRulesValidator : AbstractValidator<ListAlertRulesQuery>;

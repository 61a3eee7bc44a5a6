using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Detections;
using FluentValidation;

namespace CameraMonitor.Application.Alerts.ListAlertHistory;

public sealed class ListAlertHistoryValidator : AbstractValidator<ListAlertHistoryQuery>
{
    public ListAlertHistoryValidator()
    {
        RuleFor(q => q.CameraId).Must(id => id is null || CameraId.IsValid(id))
            .WithMessage($"camera_id must match {CameraId.Pattern}.");
        RuleFor(q => q.AlertType)
            .Must(t => t is null || (t.Trim().Length > 0 && t.Length <= Alert.MaxAlertTypeLength && DetectionRules.IsStorableText(t)))
            .WithMessage($"alert_type must be 1 to {Alert.MaxAlertTypeLength} characters (no NUL).");
        RuleFor(q => q.Severity).Must(s => s is null || AlertSeverityNames.IsValid(s))
            .WithMessage($"severity must be one of {string.Join(", ", AlertSeverityNames.All)}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListAlertHistoryQuery.MaxLimit)
            .WithMessage($"limit must be between 1 and {ListAlertHistoryQuery.MaxLimit}.");
    }
}

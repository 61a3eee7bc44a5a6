using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Violations;
using FluentValidation;

namespace CameraMonitor.Application.Statistics.Events;

public sealed class ListViolationEventsValidator : AbstractValidator<ListViolationEventsQuery>
{
    public const string ViolationTypePattern = "^[a-z][a-z0-9_]{0,63}$";

    public ListViolationEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListViolationEventsQuery.MaxLimit)
            .WithMessage($"limit must be between 1 and {ListViolationEventsQuery.MaxLimit}.");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must not be negative.");
        RuleFor(q => q.After).Must(PageCursor.IsValid)
            .WithMessage("after must be the next_cursor of a previous page.");
        RuleFor(q => q.Offset).Equal(0).When(q => q.After is not null)
            .WithMessage("offset cannot be combined with after; page with one or the other.");
        RuleFor(q => q.EndTime)
            .GreaterThanOrEqualTo(q => q.StartTime!.Value)
            .When(q => q.StartTime is not null && q.EndTime is not null)
            .WithMessage("end_time must not be before start_time.");
        RuleFor(q => q.CameraId).Must(CameraId.IsValid).When(q => q.CameraId is not null)
            .WithMessage($"camera_id must match {CameraId.Pattern}.");
        RuleFor(q => q.ViolationType).Matches(ViolationTypePattern).When(q => q.ViolationType is not null)
            .WithMessage($"violation_type must match {ViolationTypePattern}.");
        RuleFor(q => q.Status).Must(ViolationStatusNames.IsValid).When(q => q.Status is not null)
            .WithMessage($"status must be one of {string.Join(", ", ViolationStatusNames.All)}.");
    }
}

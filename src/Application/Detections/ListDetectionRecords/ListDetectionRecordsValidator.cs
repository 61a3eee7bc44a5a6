using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using FluentValidation;

namespace CameraMonitor.Application.Detections.ListDetectionRecords;

public sealed class ListDetectionRecordsValidator : AbstractValidator<ListDetectionRecordsQuery>
{
    public ListDetectionRecordsValidator()
    {
        RuleFor(q => q.CameraId).Must(CameraId.IsValid)
            .WithMessage($"camera_id must match {CameraId.Pattern}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListDetectionRecordsQuery.MaxLimit)
            .WithMessage($"limit must be between 1 and {ListDetectionRecordsQuery.MaxLimit}.");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be >= 0.");
        RuleFor(q => q.After).Must(PageCursor.IsValid)
            .WithMessage("after must be the next_cursor of a previous page.");
        RuleFor(q => q.Offset).Equal(0).When(q => q.After is not null)
            .WithMessage("offset cannot be combined with after; page with one or the other.");
        RuleFor(q => q.StartTime)
            .Must((q, start) => start is null || q.EndTime is null || start <= q.EndTime)
            .WithMessage("start_time must not be after end_time.");
    }
}

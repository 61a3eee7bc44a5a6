using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Domain.Cameras;
using FluentValidation;

namespace CameraMonitor.Application.Statistics.CameraStatistics;

public sealed class GetCameraStatisticsValidator : AbstractValidator<GetCameraStatisticsQuery>
{
    /// <summary>Per-camera windows longer than this are refused: p95 and gaps read raw rows.</summary>
    public const int MaxRangeDays = 90;

    public GetCameraStatisticsValidator()
    {
        RuleFor(q => q.CameraId).Must(CameraId.IsValid).WithMessage($"camera_id must match {CameraId.Pattern}.");
        RuleFor(q => q.Period).Must(StatisticsPeriods.IsValid).WithMessage(StatisticsPeriods.Message);
        RuleFor(q => q.EndTime)
            .GreaterThanOrEqualTo(q => q.StartTime!.Value)
            .When(q => q.StartTime is not null && q.EndTime is not null)
            .WithMessage("end_time must not be before start_time.");
        RuleFor(q => q)
            .Must(q => q.EndTime!.Value - q.StartTime!.Value <= TimeSpan.FromDays(MaxRangeDays))
            .When(q => q.StartTime is not null && q.EndTime is not null)
            .OverridePropertyName("start_time")
            .WithMessage($"start_time and end_time may be at most {MaxRangeDays} days apart.");
    }
}

using FluentValidation;

namespace CameraMonitor.Application.Cameras.GetCameraStats;

public sealed class GetCameraStatsValidator : AbstractValidator<GetCameraStatsQuery>
{
    public GetCameraStatsValidator() => RuleFor(q => q.CameraId).MustBeCameraId();
}

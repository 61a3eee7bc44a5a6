using FluentValidation;

namespace CameraMonitor.Application.Cameras.GetCamera;

public sealed class GetCameraValidator : AbstractValidator<GetCameraQuery>
{
    public GetCameraValidator() => RuleFor(q => q.CameraId).MustBeCameraId();
}

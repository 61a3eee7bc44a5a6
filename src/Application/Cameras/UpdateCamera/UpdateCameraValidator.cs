using FluentValidation;

namespace CameraMonitor.Application.Cameras.UpdateCamera;

public sealed class UpdateCameraValidator : AbstractValidator<UpdateCameraCommand>
{
    public UpdateCameraValidator()
    {
        RuleFor(c => c.CameraId).MustBeCameraId();
        RuleFor(c => c.Name).MustBeCameraName().When(c => c.Name is not null);
        RuleFor(c => c.Location).MustBeCameraLocation();
        RuleFor(c => c.SourceUrl).MustBeSourceUrl().When(c => c.SourceUrl is not null);
        RuleFor(c => c.Status).MustBeCameraStatus().When(c => c.Status is not null);
    }
}

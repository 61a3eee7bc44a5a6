using FluentValidation;

namespace CameraMonitor.Application.Cameras.CreateCamera;

public sealed class CreateCameraValidator : AbstractValidator<CreateCameraCommand>
{
    public CreateCameraValidator()
    {
        RuleFor(c => c.Id).MustBeCameraId();
        RuleFor(c => c.Name).MustBeCameraName();
        RuleFor(c => c.Location).MustBeCameraLocation();
        RuleFor(c => c.SourceUrl).MustBeSourceUrl();
        RuleFor(c => c.Status).MustBeCameraStatus().When(c => c.Status is not null);
    }
}

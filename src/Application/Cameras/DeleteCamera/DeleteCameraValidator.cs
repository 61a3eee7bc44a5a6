using FluentValidation;

namespace CameraMonitor.Application.Cameras.DeleteCamera;

public sealed class DeleteCameraValidator : AbstractValidator<DeleteCameraCommand>
{
    public DeleteCameraValidator() => RuleFor(c => c.CameraId).MustBeCameraId();
}

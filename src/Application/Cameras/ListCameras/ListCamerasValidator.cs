using CameraMonitor.Domain.Cameras;
using FluentValidation;

namespace CameraMonitor.Application.Cameras.ListCameras;

public sealed class ListCamerasValidator : AbstractValidator<ListCamerasQuery>
{
    public ListCamerasValidator()
    {
        RuleFor(q => q.Status)
            .Must(status => status is null || CameraStatusNames.All.Contains(status))
            .WithMessage($"status must be one of {string.Join(", ", CameraStatusNames.All)}.");
    }
}

using CameraMonitor.Domain.Cameras;
using FluentValidation;

namespace CameraMonitor.Application.Cameras;

/// <summary>
/// The camera invariants as FluentValidation rules. The legacy path never builds a <see cref="Camera"/>, so
/// the validators (which run before routing) must hold the same rules for both paths to accept the same input.
/// </summary>
public static class CameraRules
{
    public static IRuleBuilderOptions<T, string?> MustBeCameraId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(CameraId.IsValid)
            .WithMessage("{PropertyName} must match " + CameraId.Pattern +
                " (lower-case letters, digits, '_' or '-', at most 64 characters).");

    public static IRuleBuilderOptions<T, string?> MustBeCameraName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= Camera.MaxNameLength)
            .WithMessage($"{{PropertyName}} must not be empty and at most {Camera.MaxNameLength} characters.");

    public static IRuleBuilderOptions<T, string?> MustBeCameraLocation<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(location => (location ?? string.Empty).Trim().Length <= Camera.MaxLocationLength)
            .WithMessage($"{{PropertyName}} must be at most {Camera.MaxLocationLength} characters.");

    public static IRuleBuilderOptions<T, string?> MustBeSourceUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Camera.IsAllowedSourceUrl)
            .WithMessage("{PropertyName} must be an absolute rtsp, rtsps, http or https URL with a host.");

    public static IRuleBuilderOptions<T, string?> MustBeCameraStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(status => status is not null && CameraStatusNames.All.Contains(status))
            .WithMessage($"{{PropertyName}} must be one of {string.Join(", ", CameraStatusNames.All)}.");
}

using FluentValidation;

namespace CameraMonitor.Application.SystemInfo.GetSystemInfo;

/// <summary>The query has no parameters; the validator exists so every routed request has one (convention).</summary>
public sealed class GetSystemInfoValidator : AbstractValidator<GetSystemInfoQuery>;

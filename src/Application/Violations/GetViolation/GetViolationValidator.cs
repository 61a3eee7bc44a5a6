using FluentValidation;

namespace CameraMonitor.Application.Violations.GetViolation;

public sealed class GetViolationValidator : AbstractValidator<GetViolationQuery>
{
    public GetViolationValidator() => RuleFor(q => q.ViolationId).MustBeViolationId();
}

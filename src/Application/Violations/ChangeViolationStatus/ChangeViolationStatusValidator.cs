using CameraMonitor.Domain.Violations;
using FluentValidation;

namespace CameraMonitor.Application.Violations.ChangeViolationStatus;

public sealed class ChangeViolationStatusValidator : AbstractValidator<ChangeViolationStatusCommand>
{
    public ChangeViolationStatusValidator()
    {
        RuleFor(c => c.ViolationId).MustBeViolationId();
        RuleFor(c => c.Status)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("status is required.")
            .Must(ViolationStatusNames.IsValid)
            .WithMessage(c => $"status must be one of {string.Join(", ", ViolationStatusNames.All)}; got '{c.Status}'.");
        RuleFor(c => c.Notes).MaximumLength(Violation.MaxNotesLength);
        RuleFor(c => c.HandledBy).MaximumLength(Violation.MaxHandledByLength);
    }
}

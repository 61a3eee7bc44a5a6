using FluentValidation;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>window_minutes, when given, must be above 0 and at most <see cref="EvidenceWindow.MaxMinutes"/>.</summary>
public abstract class EvidenceWindowValidator<TQuery> : AbstractValidator<TQuery> where TQuery : IEvidenceWindowQuery
{
    protected EvidenceWindowValidator() =>
        RuleFor(q => q.WindowMinutes).GreaterThan(0).LessThanOrEqualTo(EvidenceWindow.MaxMinutes).When(q => q.WindowMinutes is not null);
}

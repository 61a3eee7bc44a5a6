using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutAudit;

public sealed class ListRolloutAuditValidator : AbstractValidator<ListRolloutAuditQuery>
{
    public ListRolloutAuditValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, ListRolloutAuditQuery.MaxLimit).When(q => q.Limit is not null);
}

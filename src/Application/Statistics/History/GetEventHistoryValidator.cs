using FluentValidation;

namespace CameraMonitor.Application.Statistics.History;

public sealed class GetEventHistoryValidator : AbstractValidator<GetEventHistoryQuery>
{
    public GetEventHistoryValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, GetEventHistoryQuery.MaxLimit)
            .WithMessage($"limit must be between 1 and {GetEventHistoryQuery.MaxLimit}.");
}

using FluentValidation;

namespace CameraMonitor.Application.Statistics.Daily;

public sealed class GetDailyStatisticsValidator : AbstractValidator<GetDailyStatisticsQuery>
{
    public GetDailyStatisticsValidator() =>
        RuleFor(q => q.Days).InclusiveBetween(1, GetDailyStatisticsQuery.MaxDays)
            .WithMessage($"days must be between 1 and {GetDailyStatisticsQuery.MaxDays}.");
}

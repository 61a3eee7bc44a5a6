using CameraMonitor.Application.Statistics.Common;
using FluentValidation;

namespace CameraMonitor.Application.Statistics.Summary;

public sealed class GetStatisticsSummaryValidator : AbstractValidator<GetStatisticsSummaryQuery>
{
    public GetStatisticsSummaryValidator() =>
        RuleFor(q => q.Period).Must(StatisticsPeriods.IsValid).WithMessage(StatisticsPeriods.Message);
}

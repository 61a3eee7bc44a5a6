using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Plans.Judge;
using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;

public sealed class StartRolloutPlanValidator : AbstractValidator<StartRolloutPlanCommand>
{
    public const int MaxSteps = 20;
    public const int MaxObservationSeconds = 86_400;
    public const int MaxMinRequests = 1_000_000;
    public const int MaxFailureLimit = 100;
    public const int MaxSecretLength = 512;

    public StartRolloutPlanValidator()
    {
        RuleFor(c => c.Steps)
            .Must(steps => steps is null || (steps.Count is > 0 and <= MaxSteps && steps.All(s => s is >= 1 and <= 100)
                && steps.Zip(steps.Skip(1)).All(pair => pair.First < pair.Second)))
            .WithMessage($"steps must hold 1–{MaxSteps} percentages, each 1–100, strictly ascending.");
        RuleFor(c => c.ObservationSeconds).InclusiveBetween(1, MaxObservationSeconds).When(c => c.ObservationSeconds is not null);
        RuleFor(c => c.MinRequests).InclusiveBetween(1, MaxMinRequests).When(c => c.MinRequests is not null);
        RuleFor(c => c.MaxErrorRatePercent).InclusiveBetween(0, 100).When(c => c.MaxErrorRatePercent is not null);
        RuleFor(c => c.MinSuccessRatePercent).InclusiveBetween(0, 100).When(c => c.MinSuccessRatePercent is not null);
        RuleFor(c => c.MaxP95IncreasePercent).InclusiveBetween(0, 10_000).When(c => c.MaxP95IncreasePercent is not null);
        RuleFor(c => c.MinP95DeltaMs).InclusiveBetween(0, 60_000).When(c => c.MinP95DeltaMs is not null);
        RuleFor(c => c.MinParityPercent).InclusiveBetween(0, 100).When(c => c.MinParityPercent is not null);
        RuleFor(c => c.MinErrorRateIncreasePercent).ExclusiveBetween(0, 100).When(c => c.MinErrorRateIncreasePercent is not null);
        RuleFor(c => c.HardErrorRatePercent).ExclusiveBetween(0, 100).When(c => c.HardErrorRatePercent is not null);
        RuleFor(c => c.Confidence).InclusiveBetween(0.5, 0.9999).When(c => c.Confidence is not null);
        RuleFor(c => c.FailureLimit).InclusiveBetween(1, MaxFailureLimit).When(c => c.FailureLimit is not null);
        RuleFor(c => c.MinLatencySamples).InclusiveBetween(1, MaxMinRequests).When(c => c.MinLatencySamples is not null);
        RuleFor(c => c.MinParitySamples).InclusiveBetween(1, MaxMinRequests).When(c => c.MinParitySamples is not null);
        RuleFor(c => c.DisabledChecks).Must(KnownChecks).WithMessage(UnknownCheck);
        RuleFor(c => c.DryRunChecks).Must(KnownChecks).WithMessage(UnknownCheck);
        RuleFor(c => c.WebhookUrl)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .When(c => c.WebhookUrl is not null).WithMessage("webhook_url must be an absolute http(s) URL.");
        RuleFor(c => c.WebhookSecret).MaximumLength(MaxSecretLength);
        RuleFor(c => c.Reason).ValidReason();
    }

    private static string UnknownCheck => $"checks are named {string.Join(", ", JudgeChecks.All)}.";

    private static bool KnownChecks(IReadOnlyList<string>? checks) => checks is null || checks.All(JudgeChecks.All.Contains);
}

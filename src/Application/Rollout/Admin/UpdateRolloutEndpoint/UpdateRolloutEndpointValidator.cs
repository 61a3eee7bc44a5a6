using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Routing;
using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.UpdateRolloutEndpoint;

public sealed class UpdateRolloutEndpointValidator : AbstractValidator<UpdateRolloutEndpointCommand>
{
    public UpdateRolloutEndpointValidator()
    {
        RuleFor(c => c.Changes.Percentage).ValidPercentage(RolloutFieldNames.Percentage);
        RuleFor(c => c.Changes.ParitySampleRate).ValidPercentage(RolloutFieldNames.ParitySampleRate);
        RuleFor(c => c.Changes.Allow).ValidList(RolloutFieldNames.Allow);
        RuleFor(c => c.Changes.Deny).ValidList(RolloutFieldNames.Deny);
        RuleFor(c => c.Changes.IgnoredFields).ValidList(RolloutFieldNames.IgnoredFields);
        RuleFor(c => c.Changes.UnorderedArrays).ValidList(RolloutFieldNames.UnorderedArrays);
        RuleFor(c => c.Changes.DarkLaunchSampleRate).ValidPercentage(RolloutFieldNames.DarkLaunchSampleRate);
        RuleFor(c => c.Changes.DarkLaunchIgnoredFields).ValidList(RolloutFieldNames.DarkLaunchIgnoredFields);
        RuleFor(c => c.Endpoint)
            .Must(CommandEndpoints.Contains)
            .When(c => c.Changes.DarkLaunchSampleRate is not null || c.Changes.DarkLaunchIgnoredFields is not null)
            .OverridePropertyName(RolloutFieldNames.DarkLaunchSampleRate)
            .WithMessage(c => $"dark launch runs only for commands; '{c.Endpoint}' is not one (commands: {string.Join(", ", CommandEndpoints.Names)}).");
        RuleFor(c => c.Reason).ValidReason();
        RuleFor(c => c.Changes)
            .Must(c => !c.IsEmpty)
            .OverridePropertyName("body")
            .WithMessage("Give at least one of percentage, allow, deny, parity_sample_rate, ignored_fields, unordered_arrays, "
                + "dark_launch_sample_rate, dark_launch_ignored_fields.");
    }
}

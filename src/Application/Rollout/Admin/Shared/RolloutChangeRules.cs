using FluentValidation;

namespace CameraMonitor.Application.Rollout.Admin.Shared;

/// <summary>Limits shared by every operator change.</summary>
public static class RolloutChangeRules
{
    public const int MaxReasonLength = 500;
    public const int MaxListItems = 1000;
    public const int MaxItemLength = 200;

    public static void ValidPercentage<T>(this IRuleBuilder<T, double?> rule, string field) =>
        rule.Must(v => v is null || (v >= 0 && v <= 100)).WithMessage($"{field} must be between 0 and 100.")
            .OverridePropertyName(field);

    public static void ValidList<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule, string field) =>
        rule.Must(list => list is null || (list.Count <= MaxListItems
                && list.All(item => !string.IsNullOrWhiteSpace(item) && item.Length <= MaxItemLength)))
            .WithMessage($"{field} may hold at most {MaxListItems} non-empty entries of at most {MaxItemLength} characters.")
            .OverridePropertyName(field);

    public static void ValidReason<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => r is null || r.Length <= MaxReasonLength)
            .WithMessage($"reason must be at most {MaxReasonLength} characters.");
}

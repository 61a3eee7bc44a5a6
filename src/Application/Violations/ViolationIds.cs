using System.Globalization;
using FluentValidation;

namespace CameraMonitor.Application.Violations;

/// <summary>
/// Violation ids arrive as route text so that "abc" is a 400 naming the field, not a 404 from routing.
/// The validator rule and the parse live together so the handlers never see an id the rule refused.
/// </summary>
public static class ViolationIds
{
    public const string FieldName = "violation_id";

    public static bool TryParse(string? value, out long id) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>Only for ids a validator already accepted.</summary>
    public static long Parse(string value) =>
        TryParse(value, out var id) ? id : throw new ArgumentException($"'{value}' is not a violation id.", nameof(value));

    public static IRuleBuilderOptions<T, string> MustBeViolationId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(value => TryParse(value, out _)).WithMessage($"{FieldName} must be a positive whole number.");
}

namespace CameraMonitor.Application.Common.Errors;

/// <summary>Invalid input, with every failure grouped by its snake_case field name.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : BusinessException("One or more fields are invalid: " + string.Join("; ",
        errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

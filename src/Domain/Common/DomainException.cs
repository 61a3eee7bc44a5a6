namespace CameraMonitor.Domain.Common;

/// <summary>
/// A broken business rule of an aggregate. It is an expected outcome (the caller sent something the
/// model refuses), so it becomes a 4xx answer and never triggers a fallback to the legacy path.
/// </summary>
public class DomainException(string field, string message) : Exception(message)
{
    /// <summary>The snake_case name of the field the rule is about, for field-level problem details.</summary>
    public string Field { get; } = field;
}

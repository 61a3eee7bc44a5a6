using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Violations;

/// <summary>The wire and database spelling of <see cref="ViolationStatus"/>.</summary>
public static class ViolationStatusNames
{
    public static readonly IReadOnlyList<string> All = ["pending", "confirmed", "false_positive", "resolved"];

    public static string ToName(this ViolationStatus status) => status switch
    {
        ViolationStatus.Pending => "pending",
        ViolationStatus.Confirmed => "confirmed",
        ViolationStatus.FalsePositive => "false_positive",
        _ => "resolved",
    };

    public static bool IsValid(string? value) => value is not null && All.Contains(value);

    public static ViolationStatus Parse(string value) => value switch
    {
        "pending" => ViolationStatus.Pending,
        "confirmed" => ViolationStatus.Confirmed,
        "false_positive" => ViolationStatus.FalsePositive,
        "resolved" => ViolationStatus.Resolved,
        _ => throw new DomainException("status", $"status must be one of {string.Join(", ", All)}; got '{value}'."),
    };
}

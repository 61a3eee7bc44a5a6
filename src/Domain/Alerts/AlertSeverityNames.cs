using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Alerts;

/// <summary>The wire and database spelling of <see cref="AlertSeverity"/>.</summary>
public static class AlertSeverityNames
{
    public static readonly IReadOnlyList<string> All = ["info", "warning", "critical"];

    public static string ToName(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        _ => "critical",
    };

    public static bool IsValid(string? value) => value is not null && All.Contains(value);

    public static AlertSeverity Parse(string value) => value switch
    {
        "info" => AlertSeverity.Info,
        "warning" => AlertSeverity.Warning,
        "critical" => AlertSeverity.Critical,
        _ => throw new DomainException("severity", $"severity must be one of {string.Join(", ", All)}; got '{value}'."),
    };
}

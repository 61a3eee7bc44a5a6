using CameraMonitor.Domain.Alerts;

namespace CameraMonitor.Application.Alerts;

public sealed record AlertRuleDto(
    long Id,
    string Name,
    string? CameraId,
    string RuleType,
    string? ViolationType,
    double Threshold,
    int WindowMinutes,
    string Severity,
    bool Enabled)
{
    public static AlertRuleDto FromDomain(AlertRule rule) => new(
        rule.Id,
        rule.Name,
        rule.CameraId?.Value,
        rule.RuleType,
        rule.ViolationType,
        rule.Threshold,
        rule.WindowMinutes,
        rule.Severity.ToName(),
        rule.Enabled);
}

namespace CameraMonitor.Domain.Alerts;

public static class AlertRuleTypes
{
    /// <summary>More than <c>threshold</c> violations (of one type, or any) on a camera within <c>window_minutes</c>.</summary>
    public const string ViolationCount = "violation_count";
}

using System.Globalization;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Detections;

namespace CameraMonitor.Domain.Alerts;

/// <summary>
/// When to raise an alert. Windows are fixed buckets of <see cref="WindowMinutes"/> counted from the Unix
/// epoch, so "at most one alert per rule, camera and window" has a stable key that the database can enforce.
/// </summary>
public sealed class AlertRule : IAggregateRoot
{
    public const int MaxNameLength = 200;
    public const int MinWindowMinutes = 1;
    public const int MaxWindowMinutes = 1440;

    private AlertRule(long id, string name, CameraId? cameraId, string ruleType, string? violationType, double threshold,
        int windowMinutes, AlertSeverity severity, bool enabled)
    {
        Id = id;
        Name = name;
        CameraId = cameraId;
        RuleType = ruleType;
        ViolationType = violationType;
        Threshold = threshold;
        WindowMinutes = windowMinutes;
        Severity = severity;
        Enabled = enabled;
    }

    public long Id { get; }
    public string Name { get; }

    /// <summary>Null: the rule watches every camera.</summary>
    public CameraId? CameraId { get; }
    public string RuleType { get; }

    /// <summary>Null: every violation type counts.</summary>
    public string? ViolationType { get; }
    public double Threshold { get; }
    public int WindowMinutes { get; }
    public AlertSeverity Severity { get; }
    public bool Enabled { get; }

    public static AlertRule Rehydrate(long id, string? name, string? cameraId, string? ruleType, string? violationType,
        double threshold, int windowMinutes, string severity, bool enabled)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            throw new DomainException("name", $"name must be 1 to {MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(ruleType))
        {
            throw new DomainException("rule_type", "rule_type must not be empty.");
        }

        if (violationType is not null && !DetectionRules.IsViolationType(violationType))
        {
            throw new DomainException("violation_type", $"violation_type must match {DetectionRules.ViolationTypePattern}.");
        }

        if (!double.IsFinite(threshold) || threshold <= 0)
        {
            throw new DomainException("threshold", "threshold must be greater than 0.");
        }

        if (windowMinutes is < MinWindowMinutes or > MaxWindowMinutes)
        {
            throw new DomainException("window_minutes",
                $"window_minutes must be between {MinWindowMinutes} and {MaxWindowMinutes}.");
        }

        return new AlertRule(id, name.Trim(), cameraId is null ? null : Cameras.CameraId.From(cameraId), ruleType,
            violationType, threshold, windowMinutes, AlertSeverityNames.Parse(severity), enabled);
    }

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    /// <summary>Only enabled violation-count rules react to ingest; other rule types are evaluated elsewhere.</summary>
    public bool WatchesIngestOf(CameraId camera) =>
        Enabled && RuleType == AlertRuleTypes.ViolationCount && (CameraId is null || CameraId == camera);

    public bool IsBreachedBy(long violationCount) => violationCount > Threshold;

    /// <summary>The fixed window (counted from the Unix epoch) that <paramref name="at"/> falls in.</summary>
    public DateTimeOffset WindowStartFor(DateTimeOffset at)
    {
        var sinceEpoch = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(sinceEpoch - (sinceEpoch % Window.Ticks));
    }

    /// <summary>
    /// The alert for <paramref name="violationCount"/> violations in the window ending at <paramref name="windowEnd"/>,
    /// or null when the count does not exceed the threshold.
    /// </summary>
    public Alert? Evaluate(CameraId camera, long violationCount, DateTimeOffset windowEnd, DateTimeOffset now)
    {
        if (!WatchesIngestOf(camera) || !IsBreachedBy(violationCount))
        {
            return null;
        }

        return Alert.Raise(Id, camera, RuleType, Severity, Message(camera, violationCount), now, WindowStartFor(windowEnd));
    }

    /// <summary>The legacy path builds the same text in SQL (format with %s); keep the two in step.</summary>
    public string Message(CameraId camera, long violationCount) => string.Format(CultureInfo.InvariantCulture,
        "{0} {1} violations on {2} within {3} minutes (threshold {4})",
        violationCount, ViolationType ?? "any", camera.Value, WindowMinutes, Threshold);
}

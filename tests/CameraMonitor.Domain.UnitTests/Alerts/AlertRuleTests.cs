using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.UnitTests.Alerts;

public sealed class AlertRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Each row breaks exactly one invariant; the field named must be that one.</summary>
    public static TheoryData<string, string?, string?, string?, double, int, string> BrokenRules => new()
    {
        { "name", "", "violation_count", null, 1, 60, "warning" },
        { "name", "   ", "violation_count", null, 1, 60, "warning" },
        { "name", new string('n', 201), "violation_count", null, 1, 60, "warning" },
        { "rule_type", "rule", "", null, 1, 60, "warning" },
        { "violation_type", "rule", "violation_count", "No Mask", 1, 60, "warning" },
        { "threshold", "rule", "violation_count", null, 0, 60, "warning" },
        { "threshold", "rule", "violation_count", null, -1, 60, "warning" },
        { "threshold", "rule", "violation_count", null, double.NaN, 60, "warning" },
        { "window_minutes", "rule", "violation_count", null, 1, 0, "warning" },
        { "window_minutes", "rule", "violation_count", null, 1, 1441, "warning" },
        { "severity", "rule", "violation_count", null, 1, 60, "urgent" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Rehydrate_WhenAnInvariantIsBroken_RejectsNamingTheField(string field, string? name, string? ruleType,
        string? violationType, double threshold, int windowMinutes, string severity)
    {
        var error = Assert.Throws<DomainException>(() =>
            AlertRule.Rehydrate(1, name, null, ruleType, violationType, threshold, windowMinutes, severity, true));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(0.001, 1, "info")]
    [InlineData(5, 1440, "critical")]
    [InlineData(2.5, 30, "warning")]
    public void Rehydrate_AtTheEdgesOfEveryRange_Accepts(double threshold, int windowMinutes, string severity)
    {
        var rule = AlertRule.Rehydrate(1, " Rule ", "cam0", "violation_count", "no_mask", threshold, windowMinutes, severity, true);

        Assert.Equal("Rule", rule.Name);
        Assert.Equal(windowMinutes, rule.WindowMinutes);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void IsBreachedBy_OnlyAboveTheThreshold(long count, bool breached) =>
        Assert.Equal(breached, Rule(threshold: 3).IsBreachedBy(count));

    [Theory]
    [InlineData(null, "cam0", true, "violation_count", true)]
    [InlineData("cam0", "cam0", true, "violation_count", true)]
    [InlineData("cam1", "cam0", true, "violation_count", false)]
    [InlineData(null, "cam0", false, "violation_count", false)]
    [InlineData(null, "cam0", true, "camera_offline", false)]
    public void WatchesIngestOf_OnlyEnabledViolationCountRulesOfThatCameraOrAll(string? ruleCamera, string camera,
        bool enabled, string ruleType, bool watches) =>
        Assert.Equal(watches, AlertRule.Rehydrate(1, "r", ruleCamera, ruleType, null, 1, 60, "info", enabled)
            .WatchesIngestOf(CameraId.From(camera)));

    [Theory]
    [InlineData(60, "2026-11-20T10:59:59.999999Z", "2026-11-20T10:00:00Z")]
    [InlineData(60, "2026-11-20T11:00:00Z", "2026-11-20T11:00:00Z")]
    [InlineData(15, "2026-11-20T10:44:00Z", "2026-11-20T10:30:00Z")]
    [InlineData(1440, "2026-11-20T23:00:00Z", "2026-11-20T00:00:00Z")]
    [InlineData(7, "1970-01-01T00:20:00Z", "1970-01-01T00:14:00Z")]
    public void WindowStartFor_IsTheEpochAlignedWindowContainingTheTime(int windowMinutes, string at, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Rule(windowMinutes: windowMinutes).WindowStartFor(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Evaluate_WhenBreached_RaisesAnAlertOfTheRuleForTheWindow()
    {
        var rule = Rule(threshold: 2, windowMinutes: 60);
        var newest = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

        var alert = rule.Evaluate(CameraId.From("cam0"), 3, newest, Now);

        Assert.NotNull(alert);
        Assert.Equal(rule.Id, alert.RuleId);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("violation_count", alert.AlertType);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), alert.WindowStart);
        Assert.Equal(Now, alert.TriggeredAt);
        Assert.Equal("3 no_mask violations on cam0 within 60 minutes (threshold 2)", alert.Message);
    }

    [Fact]
    public void Evaluate_WhenNotBreached_RaisesNothing() =>
        Assert.Null(Rule(threshold: 2).Evaluate(CameraId.From("cam0"), 2, Now, Now));

    private static AlertRule Rule(double threshold = 1, int windowMinutes = 60) =>
        AlertRule.Rehydrate(7, "rule", null, AlertRuleTypes.ViolationCount, "no_mask", threshold, windowMinutes, "critical", true);
}

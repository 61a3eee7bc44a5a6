using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.UnitTests.Alerts;

public sealed class AlertTests
{
    private static readonly DateTimeOffset Triggered = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string?, string, string?, int> BrokenAlerts => new()
    {
        // field, camera, alert_type, severity, message, acknowledged offset (minutes; int.MinValue = none)
        { "alert_type", "cam0", "", "info", "m", int.MinValue },
        { "alert_type", "cam0", new string('t', 65), "info", "m", int.MinValue },
        { "severity", "cam0", "violation_count", "fatal", "m", int.MinValue },
        { "message", "cam0", "violation_count", "info", " ", int.MinValue },
        { "message", "cam0", "violation_count", "info", new string('m', 1001), int.MinValue },
        { "acknowledged_at", "cam0", "violation_count", "info", "m", -1 },
        { "id", "Cam 0", "violation_count", "info", "m", int.MinValue },
    };

    [Theory]
    [MemberData(nameof(BrokenAlerts))]
    public void Rehydrate_WhenAnInvariantIsBroken_RejectsNamingTheField(string field, string camera, string? alertType,
        string severity, string? message, int acknowledgedAfterMinutes)
    {
        DateTimeOffset? acknowledged = acknowledgedAfterMinutes == int.MinValue ? null : Triggered.AddMinutes(acknowledgedAfterMinutes);

        var error = Assert.Throws<DomainException>(() =>
            Alert.Rehydrate(1, null, camera, alertType, severity, message, Triggered, acknowledged, null));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("info", AlertSeverity.Info)]
    [InlineData("warning", AlertSeverity.Warning)]
    [InlineData("critical", AlertSeverity.Critical)]
    public void Rehydrate_WithEverySeverity_KeepsIt(string severity, AlertSeverity expected) =>
        Assert.Equal(expected, Alert.Rehydrate(1, 2, "cam0", "manual", severity, "m", Triggered, Triggered, null).Severity);
}

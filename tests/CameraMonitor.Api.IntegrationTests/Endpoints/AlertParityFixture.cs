using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// Four cameras and rules that overlap on purpose: any type and one type, on every camera and on one, short and long
/// windows, thresholds below one and between integers, and a disabled rule that must never fire.
/// </summary>
public sealed class AlertParityFixture : ApiFixture
{
    public static readonly string[] Cameras = ["ap_0", "ap_1", "ap_2", "ap_3"];

    public const string DisabledRule = "Disabled any on every camera";

    private const string RulesSql = $"""
        INSERT INTO alert_rules (name, camera_id, rule_type, violation_type, threshold, window_minutes, severity, enabled) VALUES
          ('Any on every camera', NULL, 'violation_count', NULL, 3, 10, 'warning', true),
          ('Masks on every camera', NULL, 'violation_count', 'no_mask', 2.5, 5, 'critical', true),
          ('Masks over an hour', NULL, 'violation_count', 'no_mask', 4, 60, 'info', true),
          ('Smoking on ap_1', 'ap_1', 'violation_count', 'smoking', 1, 15, 'critical', true),
          ('Any on ap_2, one minute', 'ap_2', 'violation_count', NULL, 0.5, 1, 'warning', true),
          ('{DisabledRule}', NULL, 'violation_count', NULL, 0.5, 1, 'critical', false);
        """;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await AddCamerasAsync(Cameras);
        await ExecuteAsync(RulesSql);
    }
}

using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>Cameras, enabled and disabled rules, and alerts with a tie on triggered_at.</summary>
public sealed class AlertsFixture : ApiFixture
{
    private const string AlertsSql = """
        INSERT INTO alert_rules (name, camera_id, rule_type, violation_type, threshold, window_minutes, severity, enabled) VALUES
          ('Hairnets on line 1', 'cam0', 'violation_count', 'no_hairnet', 3, 60, 'warning', true),
          ('Any burst', NULL, 'violation_count', NULL, 2.5, 15, 'critical', true),
          ('Paused dock rule', 'cam2', 'violation_count', 'intrusion', 1, 1440, 'info', false);
        INSERT INTO alerts (rule_id, camera_id, alert_type, severity, message, triggered_at, acknowledged_at) VALUES
          (1, 'cam0', 'violation_count', 'warning', '4 no_hairnet violations on cam0 within 60 minutes (threshold 3)',
           '2026-11-20T10:00:00Z', NULL),
          (2, 'cam1', 'violation_count', 'critical', '3 any violations on cam1 within 15 minutes (threshold 2.5)',
           '2026-11-20T11:00:00.5Z', '2026-11-20T11:05:00Z'),
          (NULL, 'cam0', 'camera_offline', 'info', 'cam0 went offline', '2026-11-19T08:00:00Z', NULL),
          (2, 'cam0', 'violation_count', 'critical', '3 any violations on cam0 within 15 minutes (threshold 2.5)',
           '2026-11-20T11:00:00.5Z', NULL);
        """;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await ExecuteAsync(AlertsSql);
    }
}

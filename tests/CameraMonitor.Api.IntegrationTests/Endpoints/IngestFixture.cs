using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// Cameras for ingest tests (one per test where counts matter, so tests of the class stay independent) and
/// alert rules that watch only the alarm cameras.
/// </summary>
public sealed class IngestFixture : ApiFixture
{
    public static readonly string[] Cameras =
    [
        "single_d", "single_l", "bad999_d", "bad999_l", "unknown_d", "unknown_l", "bulk", "replay_d", "replay_l",
        "replay_x", "race", "alarm_d", "alarm_l", "roll_a", "roll_b", "fallback", "parity_a", "parity_b", "alarm_race",
        "owner_a", "owner_b",
    ];

    private const string RulesSql = """
        INSERT INTO alert_rules (name, camera_id, rule_type, violation_type, threshold, window_minutes, severity, enabled) VALUES
          ('Masks on alarm_d', 'alarm_d', 'violation_count', 'no_mask', 2, 60, 'warning', true),
          ('Masks on alarm_l', 'alarm_l', 'violation_count', 'no_mask', 2, 60, 'warning', true),
          ('Disabled on alarm_d', 'alarm_d', 'violation_count', NULL, 1, 60, 'critical', false),
          ('Any on parity_a', 'parity_a', 'violation_count', NULL, 1.5, 30, 'critical', true),
          ('Any on alarm_race', 'alarm_race', 'violation_count', NULL, 1, 1440, 'critical', true);
        """;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await AddCamerasAsync(Cameras);
        await ExecuteAsync(RulesSql);
    }
}

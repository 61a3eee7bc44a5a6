namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>Rows come back as the API DTO (same columns); the domain path then rehydrates and re-checks them.</summary>

public static class AlertRuleSql
{
    public const string Select = """
        SELECT id, name, camera_id, rule_type, violation_type, threshold, window_minutes, severity, enabled
          FROM alert_rules
         WHERE (@Enabled::boolean IS NULL OR enabled = @Enabled)
         ORDER BY id
        """;
}

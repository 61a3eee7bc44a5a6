namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>The SQL both paths read and raise alerts with.</summary>
public static class AlertSql
{
    public const string Columns =
        "SELECT id, rule_id, camera_id, alert_type, severity, message, triggered_at, acknowledged_at";

    /// <summary>Filters (null parameters do not filter) and the newest-first order, after a column list.</summary>
    public const string FilterAndOrder = """
         FROM alerts
         WHERE (@CameraId::text IS NULL OR camera_id = @CameraId)
           AND (@AlertType::text IS NULL OR alert_type = @AlertType)
           AND (@Severity::text IS NULL OR severity = @Severity)
           AND (@Since::timestamptz IS NULL OR triggered_at >= @Since)
         ORDER BY triggered_at DESC, id DESC
         LIMIT @Limit
        """;

    /// <summary>The arbiter of "one alert per rule, camera and window" (unique index of migration 0003).</summary>
    public const string OncePerWindow =
        " ON CONFLICT (rule_id, camera_id, window_start) WHERE rule_id IS NOT NULL AND window_start IS NOT NULL DO NOTHING";

    /// <summary>The given (rule, camera, window start) triples that already hold an alert (the OncePerWindow index).</summary>
    public const string AlertedWindows = """
        SELECT w.rule_id, w.camera_id, w.window_start
          FROM unnest(@RuleIds::bigint[], @CameraIds::text[], @WindowStarts::timestamptz[]) AS w (rule_id, camera_id, window_start)
         WHERE EXISTS (SELECT 1 FROM alerts a
                        WHERE a.rule_id = w.rule_id AND a.camera_id = w.camera_id AND a.window_start = w.window_start)
        """;

    /// <summary>Many alerts in one statement; ids follow the arrays' order, as one INSERT per alert would give them.</summary>
    public const string InsertMany = """
        INSERT INTO alerts (rule_id, camera_id, alert_type, severity, message, triggered_at, acknowledged_at, window_start)
        SELECT rule_id, camera_id, alert_type, severity, message, triggered_at, acknowledged_at, window_start
          FROM unnest(@RuleIds::bigint[], @CameraIds::text[], @AlertTypes::text[], @Severities::text[], @Messages::text[],
                      @TriggeredAts::timestamptz[], @AcknowledgedAts::timestamptz[], @WindowStarts::timestamptz[])
               WITH ORDINALITY AS a (rule_id, camera_id, alert_type, severity, message, triggered_at, acknowledged_at,
                                     window_start, ord)
         ORDER BY ord
        """ + OncePerWindow;

    public static object FilterParameters(string? cameraId, string? alertType, string? severity, DateTimeOffset? since,
        int limit) =>
        new { CameraId = cameraId, AlertType = alertType, Severity = severity, Since = since?.UtcDateTime, Limit = limit };
}

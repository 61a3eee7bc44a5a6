using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence.DemoData;

/// <summary>
/// Fills an empty database with a few cameras and a few thousand detections and violations spread over
/// the last 30 days, plus alert rules (enabled and disabled) and the alerts they raised, so every endpoint
/// has something to show. Does nothing when cameras already exist.
/// </summary>
public sealed class DemoDataSeeder(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private const string SeedSql = """
        INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at)
        VALUES ('cam0', 'Kitchen line 1', 'Building A / kitchen', 'rtsp://127.0.0.1:8554/cam0', true, 'online', @start, @start),
               ('cam1', 'Kitchen line 2', 'Building A / kitchen', 'rtsp://127.0.0.1:8554/cam1', true, 'online', @start, @start),
               ('cam2', 'Packing hall', 'Building B / packing', 'http://127.0.0.1:8080/cam2/stream', true, 'offline', @start, @start),
               ('cam3', 'Loading dock', 'Building B / dock', 'rtsps://127.0.0.1:8555/cam3', false, 'unknown', @start, @start);

        SELECT setseed(0.42);

        INSERT INTO detection_records (camera_id, detected_at, person_count, objects, processing_ms)
        SELECT cam,
               @start + random() * (@now - @start),
               people,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'class', 'person',
                           'confidence', round((0.6 + random() * 0.4)::numeric, 3),
                           'bbox', jsonb_build_array(p * 40, 30, p * 40 + 35, 200))), '[]'::jsonb)
                  FROM generate_series(1, people) p),
               round((15 + random() * 85)::numeric, 2)
          FROM (SELECT cam, (random() * 5)::int AS people
                  FROM unnest(ARRAY['cam0', 'cam1', 'cam2', 'cam3']) cam, generate_series(1, 800)) g;

        INSERT INTO violations (camera_id, detection_id, violation_type, confidence, snapshot_path, status,
                                detected_at, handled_at, handled_by, notes)
        SELECT camera_id, id, kind, round((0.5 + random() * 0.5)::numeric, 3),
               'snapshots/' || camera_id || '/' || id || '.jpg', status, detected_at,
               CASE WHEN status = 'pending' THEN NULL ELSE detected_at + interval '15 minutes' END,
               CASE WHEN status = 'pending' THEN NULL ELSE 'demo-reviewer' END,
               CASE WHEN status = 'false_positive' THEN 'reflection on the glass' END
          FROM (SELECT d.id, d.camera_id, d.detected_at,
                       (ARRAY['no_hairnet', 'no_mask', 'no_gloves', 'intrusion', 'smoking'])[1 + floor(random() * 5)::int] AS kind,
                       (ARRAY['pending', 'pending', 'confirmed', 'false_positive', 'resolved'])[1 + floor(random() * 5)::int] AS status
                  FROM detection_records d
                 WHERE random() < 0.4) v;

        UPDATE detection_records d
           SET violation_count = v.n
          FROM (SELECT detection_id, count(*)::int AS n FROM violations GROUP BY detection_id) v
         WHERE v.detection_id = d.id;

        -- Alert rules (enabled and disabled) and the alerts the enabled ones would have raised per fixed window.
        INSERT INTO alert_rules (name, camera_id, rule_type, violation_type, threshold, window_minutes, severity, enabled)
        VALUES ('Kitchen line 1: missing hairnets', 'cam0', 'violation_count', 'no_hairnet', 1, 120, 'warning', true),
               ('Any camera: violation burst', NULL, 'violation_count', NULL, 1, 60, 'critical', true),
               ('Smoking anywhere', NULL, 'violation_count', 'smoking', 1, 1440, 'info', true),
               ('Loading dock intrusions (paused)', 'cam3', 'violation_count', 'intrusion', 1, 15, 'warning', false);

        INSERT INTO alerts (rule_id, camera_id, alert_type, severity, message, triggered_at, acknowledged_at, window_start)
        SELECT rule_id, camera_id, rule_type, severity, 'demo: ' || n || ' violations within ' || window_minutes || ' minutes',
               newest, CASE WHEN random() < 0.5 THEN newest + interval '20 minutes' END, window_start
          FROM (SELECT r.id AS rule_id, v.camera_id, r.rule_type, r.severity, r.window_minutes, count(*) AS n,
                       max(v.detected_at) AS newest, r.threshold,
                       to_timestamp(floor(extract(epoch FROM v.detected_at) / (r.window_minutes * 60)) * (r.window_minutes * 60)) AS window_start
                  FROM alert_rules r
                  JOIN violations v ON (r.camera_id IS NULL OR v.camera_id = r.camera_id)
                                   AND (r.violation_type IS NULL OR v.violation_type = r.violation_type)
                 WHERE r.enabled
                 GROUP BY r.id, v.camera_id, window_start) w
         WHERE n > threshold
         ORDER BY newest, rule_id, camera_id;

        SELECT rebuild_hourly_rollups();
        """;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM cameras)"))
        {
            logger.LogInformation("Demo data not loaded: the database already has cameras");
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SeedSql, new { now, start = now.AddDays(-30) }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo data loaded: 4 cameras, 3200 detections and their violations over 30 days, alert rules and alerts");
    }
}

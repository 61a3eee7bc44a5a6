using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence.DemoData;

/// <summary>
/// Fills an empty database with a few cameras and a few thousand detections and violations spread over
/// the last 30 days, so every endpoint has something to show. Does nothing when cameras already exist.
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
        logger.LogInformation("Demo data loaded: 4 cameras, 3200 detections and their violations over 30 days");
    }
}

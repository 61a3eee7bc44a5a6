using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Detections;

/// <summary>
/// Legacy path: a transaction script. Checks the cameras with one query, COPYs the batch, and evaluates
/// every alert rule for the ingested cameras with one set-based INSERT … SELECT.
/// </summary>
public sealed class IngestDetectionRecordsLegacyHandler(IDbSession session, TimeProvider clock) : ILegacyHandler<IngestDetectionRecordsCommand, IngestDetectionRecordsResponse>
{
    private const string UnknownCamerasSql =
        "SELECT id FROM unnest(@Ids::text[]) AS given(id) WHERE NOT EXISTS (SELECT 1 FROM cameras c WHERE c.id = given.id)";

    // Same rule as AlertRule.Evaluate: more than threshold violations in (newest - window, newest], one alert
    // per rule, camera and epoch-aligned window; the message matches AlertRule.Message. Each rule × camera
    // window is counted once (LATERAL, materialised); a rule of one violation type counts on the camera-type-time
    // index, a rule of any type on the camera-time index (one OR of both would keep the type out of the index).
    private const string RaiseAlertsSql = """
        WITH ingested AS (
            SELECT camera_id, max(detected_at) AS newest FROM detection_records
             WHERE id = ANY(@Ids) AND detected_at BETWEEN @From AND @To -- the bound prunes the daily partitions (0016)
             GROUP BY camera_id
        ), counted AS MATERIALIZED (
            SELECT r.id AS rule_id, i.camera_id, r.rule_type, r.severity, r.threshold, r.window_minutes, r.violation_type,
                   i.newest, c.n
              FROM ingested i
              JOIN alert_rules r ON r.enabled AND r.rule_type = 'violation_count'
                                AND (r.camera_id IS NULL OR r.camera_id = i.camera_id)
             CROSS JOIN LATERAL (
                   SELECT CASE WHEN r.violation_type IS NULL
                       THEN (SELECT count(*) FROM violations v
                              WHERE v.camera_id = i.camera_id
                                AND v.detected_at > i.newest - make_interval(mins => r.window_minutes)
                                AND v.detected_at <= i.newest)
                       ELSE (SELECT count(*) FROM violations v
                              WHERE v.camera_id = i.camera_id AND v.violation_type = r.violation_type
                                AND v.detected_at > i.newest - make_interval(mins => r.window_minutes)
                                AND v.detected_at <= i.newest)
                   END AS n) AS c
        )
        INSERT INTO alerts (rule_id, camera_id, alert_type, severity, message, triggered_at, window_start)
        SELECT rule_id, camera_id, rule_type, severity,
               format('%s %s violations on %s within %s minutes (threshold %s)',
                      n, coalesce(violation_type, 'any'), camera_id, window_minutes, threshold),
               @Now,
               to_timestamp(floor(extract(epoch FROM newest) / (window_minutes * 60)) * (window_minutes * 60))
          FROM counted
         WHERE n > threshold
         ORDER BY camera_id COLLATE "C", rule_id
        """ + AlertSql.OncePerWindow;

    public async Task<IngestDetectionRecordsResponse> Handle(IngestDetectionRecordsCommand request,
        CancellationToken cancellationToken)
    {
        var now = clock.UtcNowForStorage();
        var connection = await session.ConnectionAsync(cancellationToken);
        var unknown = (await connection.QueryAsync<string>(new CommandDefinition(UnknownCamerasSql,
            new { Ids = IngestErrors.CameraIds(request.Items).ToArray() }, session.Transaction,
            cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        if (unknown.Count > 0)
        {
            throw IngestErrors.UnknownCameras(request.Items, unknown);
        }

        var rows = request.Items.Select(IngestRecordRow.FromInput).ToList();
        var ids = await DetectionIngestWriter.WriteAsync(session, rows, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RaiseAlertsSql, new
        {
            Ids = ids.ToArray(),
            From = rows.Min(r => r.DetectedAt),
            To = rows.Max(r => r.DetectedAt),
            Now = now.UtcDateTime,
        }, session.Transaction, cancellationToken: cancellationToken));

        return new IngestDetectionRecordsResponse(true, ids);
    }
}

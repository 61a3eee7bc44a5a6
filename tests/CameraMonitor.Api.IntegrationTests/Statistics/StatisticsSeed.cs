namespace CameraMonitor.Api.IntegrationTests.Statistics;

/// <summary>
/// Detections and violations at fixed times around the test clock (2026-11-20T12:00:00Z), chosen to sit on
/// the window edges: 11:59:59 the day before (just outside 24h), exactly 12:00 today (the window's end,
/// excluded), a day with no events (2026-11-16), midnight of 2026-11-17, an unregistered camera (cam9),
/// a violation spike in cam0's last hour and gaps of more than 60 minutes. Violation ids are 1..17 in order.
/// </summary>
public static class StatisticsSeed
{
    public const string Sql = """
        INSERT INTO detection_records (camera_id, detected_at, person_count, processing_ms, violation_count) VALUES
          ('cam0', '2026-11-19T13:30:00Z', 1, 40,    0),
          ('cam0', '2026-11-20T08:00:00Z', 2, 50,    1),
          ('cam0', '2026-11-20T09:05:00Z', 1, 30.5,  1),
          ('cam0', '2026-11-20T11:10:00Z', 3, 10,    4),
          ('cam0', '2026-11-20T11:20:00Z', 0, 20,    3),
          ('cam0', '2026-11-20T11:40:00Z', 2, 25.25, 1),
          ('cam0', '2026-11-20T12:00:00Z', 9, 999,   0),
          ('cam1', '2026-11-19T11:59:59Z', 1, 100,   1),
          ('cam1', '2026-11-15T10:00:00Z', 2, 80,    1),
          ('cam1', '2026-11-18T23:59:59Z', 1, 60,    1),
          ('cam1', '2026-10-25T06:00:00Z', 1, 70,    1),
          ('cam9', '2026-11-20T06:30:00Z', 1, 33,    1),
          ('cam2', '2026-11-17T12:00:00Z', 1, 44,    1),
          ('cam2', '2026-11-17T00:00:00Z', 1, 45,    1);

        INSERT INTO violations (camera_id, detection_id, violation_type, confidence, snapshot_path, status,
                                detected_at, handled_at, handled_by, notes) VALUES
          ('cam0', 4,    'no_hairnet', 0.91, 'snapshots/cam0/1.jpg', 'pending',        '2026-11-20T11:10:00Z', NULL, NULL, NULL),
          ('cam0', 4,    'no_mask',    0.85, 'snapshots/cam0/2.jpg', 'confirmed',      '2026-11-20T11:12:00Z', '2026-11-20T11:30:00Z', 'alice', 'seen on video'),
          ('cam0', 4,    'no_hairnet', 0.77, NULL,                   'false_positive', '2026-11-20T11:15:00Z', '2026-11-20T11:31:00Z', 'bob', 'reflection'),
          ('cam0', 5,    'no_gloves',  0.66, 'snapshots/cam0/4.jpg', 'resolved',       '2026-11-20T11:20:00Z', '2026-11-20T11:50:00Z', 'alice', 'retrained'),
          ('cam0', 5,    'no_hairnet', 0.95, NULL,                   'pending',        '2026-11-20T11:25:00Z', NULL, NULL, NULL),
          ('cam0', 5,    'smoking',    0.99, NULL,                   'pending',        '2026-11-20T11:30:00Z', NULL, NULL, NULL),
          ('cam0', 6,    'no_mask',    0.70, NULL,                   'pending',        '2026-11-20T11:40:00Z', NULL, NULL, NULL),
          ('cam0', 4,    'intrusion',  0.88, NULL,                   'confirmed',      '2026-11-20T11:45:30.123456Z', '2026-11-20T11:46:00Z', 'carol', NULL),
          ('cam0', 3,    'no_hairnet', 0.60, NULL,                   'pending',        '2026-11-20T09:05:00Z', NULL, NULL, NULL),
          ('cam0', 2,    'no_mask',    0.62, NULL,                   'pending',        '2026-11-20T08:00:00Z', NULL, NULL, NULL),
          ('cam1', 8,    'no_hairnet', 0.80, NULL,                   'pending',        '2026-11-19T11:59:59Z', NULL, NULL, NULL),
          ('cam1', 9,    'no_mask',    0.90, NULL,                   'confirmed',      '2026-11-15T10:00:00Z', '2026-11-15T11:00:00Z', 'alice', NULL),
          ('cam1', 10,   'smoking',    0.75, NULL,                   'resolved',       '2026-11-18T23:59:59Z', '2026-11-19T08:00:00Z', 'bob', 'fined'),
          ('cam1', 11,   'no_gloves',  0.50, NULL,                   'pending',        '2026-10-25T06:00:00Z', NULL, NULL, NULL),
          ('cam9', 12,   'intrusion',  0.65, NULL,                   'pending',        '2026-11-20T06:30:00Z', NULL, NULL, NULL),
          ('cam2', 13,   'no_hairnet', 0.81, NULL,                   'pending',        '2026-11-17T12:00:00Z', NULL, NULL, NULL),
          ('cam2', NULL, 'no_mask',    0.82, NULL,                   'pending',        '2026-11-17T00:00:00Z', NULL, NULL, NULL);

        SELECT rebuild_hourly_rollups();
        """;
}

namespace CameraMonitor.Api.IntegrationTests.Infrastructure;

/// <summary>Known rows with fixed timestamps, so both paths and the snapshots see the same data.</summary>
public static class SeedData
{
    public const string CamerasSql = """
        INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at) VALUES
          ('cam0', 'Kitchen line 1', 'Building A / kitchen', 'rtsp://127.0.0.1:8554/cam0', true,  'online',  '2026-10-01T08:00:00Z', '2026-10-01T08:00:00Z'),
          ('cam1', 'Kitchen line 2', 'Building A / kitchen', 'rtsp://127.0.0.1:8554/cam1', true,  'offline', '2026-10-02T08:00:00.123456Z', '2026-11-01T09:30:00Z'),
          ('cam10', 'Packing hall',  '',                     'http://127.0.0.1:8080/s',   false, 'unknown', '2026-10-03T08:00:00Z', '2026-10-03T08:00:00Z'),
          ('cam2', 'Loading dock',   'Building B / dock',    'rtsps://127.0.0.1:8555/c',  true,  'online',  '2026-10-04T08:00:00Z', '2026-10-04T08:00:00Z')
        """;
}

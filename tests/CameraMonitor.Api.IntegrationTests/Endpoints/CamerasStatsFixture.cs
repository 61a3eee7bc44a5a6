using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// The seed cameras plus detections and violations of cam0 over three hours, and rows of a camera that no
/// longer exists; the hourly rollups are rebuilt from them, as ingest would have maintained them.
/// </summary>
public sealed class CamerasStatsFixture : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await ExecuteAsync("""
            INSERT INTO detection_records (camera_id, detected_at, person_count, processing_ms, violation_count) VALUES
              ('cam0', '2026-11-19T08:10:00Z',      2, 20,    2),
              ('cam0', '2026-11-19T08:50:00Z',      1, 30.5,  1),
              ('cam0', '2026-11-19T10:05:00.25Z',   3, 41.25, 1),
              ('gone', '2026-11-19T09:00:00Z',      1, 10,    1);
            INSERT INTO violations (camera_id, violation_type, confidence, status, detected_at) VALUES
              ('cam0', 'no_mask',    0.9,  'pending',   '2026-11-19T08:10:00Z'),
              ('cam0', 'no_mask',    0.8,  'confirmed', '2026-11-19T08:10:00Z'),
              ('cam0', 'smoking',    0.75, 'pending',   '2026-11-19T08:50:00Z'),
              ('cam0', 'intrusion',  0.6,  'resolved',  '2026-11-19T10:05:00Z'),
              ('gone', 'no_gloves',  0.7,  'pending',   '2026-11-19T09:00:00Z');
            SELECT rebuild_hourly_rollups();
            """);
    }
}

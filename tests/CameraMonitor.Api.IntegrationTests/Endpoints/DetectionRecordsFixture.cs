using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>Cameras plus fixed detection records, including a tie on detected_at and a deleted camera's record.</summary>
public sealed class DetectionRecordsFixture : ApiFixture
{
    private const string RecordsSql = """
        INSERT INTO detection_records (camera_id, detected_at, person_count, objects, processing_ms, violation_count) VALUES
          ('cam0', '2026-11-20T10:00:00Z', 2,
           '[{"class":"person","confidence":0.91,"bbox":[1,2,30,40]},{"class":"person","confidence":0.5,"bbox":[5,5,6,6.5]}]', 12.5, 1),
          ('cam0', '2026-11-20T10:00:00Z', 0, '[]', 8, 0),
          ('cam0', '2026-11-20T11:30:00.123456Z', 1, '[{"class":"helmet","confidence":1,"bbox":[0,0,0.5,0.75]}]', 20.25, 0),
          ('cam0', '2026-11-19T09:00:00Z', 3, '[]', 100, 2),
          ('cam1', '2026-11-20T09:00:00Z', 1, '[]', 5, 0),
          ('gone_cam', '2026-11-18T09:00:00Z', 1, '[]', 5, 0);
        -- Written by SQL, not by ingest: recount the rollups the domain path's totals come from, as after a bulk load.
        SELECT rebuild_hourly_rollups();
        """;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await ExecuteAsync(RecordsSql);
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CameraMonitor.Testing;
using Dapper;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>Builds ingest bodies and reads back what ingest stored.</summary>
public static class IngestRequests
{
    public const string Url = "/api/v1/records/detection-records";

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Dictionary<string, object?> Record(string camera, DateTime detectedAt, int violations = 0,
        string violationType = "no_mask", double confidence = 0.9) => new()
        {
            ["camera_id"] = camera,
            ["detected_at"] = detectedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["person_count"] = 2,
            ["objects"] = new[] { new { @class = "person", confidence = 0.75, bbox = new[] { 10.0, 20, 110, 220.5 } } },
            ["processing_ms"] = 17.25,
            ["violations"] = Enumerable.Range(0, violations)
            .Select(i => new { violation_type = violationType, confidence, snapshot_path = $"snap/{camera}/{i}.jpg" })
            .ToArray(),
        };

    /// <summary>n records one minute apart from <paramref name="start"/>, every other one with a violation.</summary>
    public static List<Dictionary<string, object?>> Batch(string camera, int n, DateTime start) =>
        Enumerable.Range(0, n).Select(i => Record(camera, start.AddMinutes(i), violations: i % 2)).ToList();

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, bool? forceDomain,
        string? idempotencyKey = null)
    {
        var url = forceDomain is null ? Url : $"{Url}?force_domain={(forceDomain.Value ? "true" : "false")}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<long[]> IdsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        return root.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()).ToArray();
    }

    public static async Task<long> CountAsync(DatabaseFixture db, string sql, object? parameters = null)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static Task<long> RecordsOfAsync(DatabaseFixture db, string camera) =>
        CountAsync(db, "SELECT count(*) FROM detection_records WHERE camera_id = @camera", new { camera });

    public static Task<long> ViolationsOfAsync(DatabaseFixture db, string camera) =>
        CountAsync(db, "SELECT count(*) FROM violations WHERE camera_id = @camera", new { camera });

    public static Task<long> RolledUpDetectionsOfAsync(DatabaseFixture db, string camera) =>
        CountAsync(db, "SELECT coalesce(sum(detection_count), 0)::bigint FROM detection_hourly_rollups WHERE camera_id = @camera",
            new { camera });
}

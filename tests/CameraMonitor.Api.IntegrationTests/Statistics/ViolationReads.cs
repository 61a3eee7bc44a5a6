using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Statistics;

public static class ViolationReads
{
    /// <summary>The violation as GET /api/v1/records/violations/{id} shows it (legacy path: the plain SQL view).</summary>
    public static async Task<JsonElement> ReadViolationAsync(this HttpClient client, int id) =>
        JsonDocument.Parse(await client.GetOnPathAsync($"/api/v1/records/violations/{id}", forceDomain: false))
            .RootElement.Clone();

    public static async Task<string> ViolationStatusAsync(this HttpClient client, int id) =>
        (await client.ReadViolationAsync(id)).GetProperty("status").GetString()!;
}

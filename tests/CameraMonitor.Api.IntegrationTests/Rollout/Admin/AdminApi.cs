using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Admin;

/// <summary>Small helpers over the operator API for the admin, rollout and parity tests.</summary>
internal static class AdminApi
{
    public const string Prefix = "/api/v1/admin/rollout";

    public static async Task<JsonElement> PutEndpointAsync(this HttpClient client, string endpoint, object body)
    {
        using var response = await client.PutAsJsonAsync($"{Prefix}/endpoints/{endpoint}", body);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>The effective config of one endpoint as GET …/endpoints shows it.</summary>
    public static async Task<JsonElement> GetEndpointAsync(this HttpClient client, string endpoint)
    {
        var all = await client.GetJsonAsync($"{Prefix}/endpoints");
        return all.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == endpoint);
    }

    /// <summary>
    /// Polls until the instance behind <paramref name="client"/> serves <paramref name="endpoint"/> at
    /// <paramref name="percentage"/>: another instance's change reaches it through the shared state it reloads, not at once.
    /// </summary>
    public static Task<TimeSpan> EventuallyServesPercentageAsync(this HttpClient client, string endpoint, double percentage,
        TimeSpan limit, string what) =>
        EventuallyAsync(async () => (await client.GetEndpointAsync(endpoint)).GetProperty("percentage").GetDouble() == percentage,
            limit, what);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="limit"/> passes; returns the time it took.</summary>
    public static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < limit, $"{what} did not happen within {limit.TotalSeconds} s");
            await Task.Delay(25);
        }

        return watch.Elapsed;
    }
}

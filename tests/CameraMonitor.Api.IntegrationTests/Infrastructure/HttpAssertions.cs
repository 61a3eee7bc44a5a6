using System.Net;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace CameraMonitor.Api.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    public const string ServedByHeader = "X-Served-By";

    public static string ServedBy(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(ServedByHeader, out var values) ? string.Join(",", values) : "(none)";

    /// <summary>GET with force_domain, asserting 200 and that the forced path served it.</summary>
    public static async Task<string> GetOnPathAsync(this HttpClient client, string url, bool forceDomain)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var response = await client.GetAsync($"{url}{separator}force_domain={(forceDomain ? "true" : "false")}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal(forceDomain ? "domain" : "legacy", response.ServedBy());
        return body;
    }

    /// <summary>Both paths' bodies go to one named snapshot: the stored file is the contract of the endpoint.</summary>
    public static void MatchSharedSnapshot(string json, string snapshotName) =>
        Snapshot.Match(ParseVerbatim(json), new SnapshotNameExtension(snapshotName));

    // Dates stay the strings the API sent, so a format difference between the paths is a snapshot difference.
    private static JToken ParseVerbatim(string json) =>
        JsonConvert.DeserializeObject<JToken>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

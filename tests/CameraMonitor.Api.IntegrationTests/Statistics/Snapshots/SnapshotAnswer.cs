using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Statistics.Snapshots;

/// <summary>One statistics answer: what served it, where its data came from, how old it is, and the body.</summary>
public sealed record SnapshotAnswer(string ServedBy, string DataSource, long? AgeSeconds, string Body)
{
    public static async Task<SnapshotAnswer> GetAsync(HttpClient client, string url, bool forceDomain = true)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var response = await client.GetAsync($"{url}{separator}force_domain={(forceDomain ? "true" : "false")}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        var source = response.Headers.TryGetValues("X-Data-Source", out var values) ? string.Join(",", values) : "(none)";
        return new SnapshotAnswer(response.ServedBy(), source, (long?)response.Headers.Age?.TotalSeconds, body);
    }
}

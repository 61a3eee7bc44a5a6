using System.Net;
using System.Text;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>
/// The reply to COMMIT is lost (the proxy cuts the connection right after relaying COMMIT): the change is stored, the
/// client gets the outcome-unknown problem (never a fallback, never a retry inside), the YAML mirror is repaired
/// within seconds, and a retry with the same Idempotency-Key answers the stored result without writing again.
/// </summary>
public sealed class CommitOutcomeUnknownTests(ProxiedApiFixture api) : IClassFixture<ProxiedApiFixture>
{
    private const string Body = """{"id": "lost-reply", "name": "Lost reply", "source_url": "rtsp://127.0.0.1/lost"}""";

    [Fact]
    public async Task CreateCamera_WhenTheReplyToCommitIsLost_AnswersOutcomeUnknown_RepairsTheMirror_AndReplaysOnRetry()
    {
        api.Proxy.ArmForCommitAfter("lost-reply");

        using var lost = await SendAsync(forceDomain: true, "create-lost-reply");

        Assert.True(api.Proxy.Connections > 0, "the API does not reach its database through the proxy");
        var problem = await lost.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(api.Proxy.Fired);
        Assert.Equal("https://cameramonitor.dev/problems/commit-outcome-unknown", problem.GetProperty("type").GetString());
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(lost.Headers.RetryAfter);
        Assert.Equal("domain", lost.ServedBy());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'lost-reply'"));

        Assert.True(await MirrorEventuallyListsAsync("lost-reply", TimeSpan.FromSeconds(15)), "cameras.yaml was not repaired");

        using var retry = await SendAsync(forceDomain: false, "create-lost-reply");
        var retried = await retry.Content.ReadAsStringAsync();
        Assert.True(retry.StatusCode == HttpStatusCode.Created, retried);
        Assert.Equal("lost-reply", JsonDocument.Parse(retried).RootElement.GetProperty("camera").GetProperty("id").GetString());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'lost-reply'"));
    }

    private async Task<HttpResponseMessage> SendAsync(bool forceDomain, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{CamerasHttp.Url}?force_domain={forceDomain}")
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await api.Client.SendAsync(request);
    }

    // Bounded polling of a background repair; the bound is generous, the assertion is only "it happened".
    private async Task<bool> MirrorEventuallyListsAsync(string cameraId, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(api.CameraMirrorPath)
                && (await File.ReadAllTextAsync(api.CameraMirrorPath)).Contains($"id: {cameraId}", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}

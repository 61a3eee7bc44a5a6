using System.Net;
using System.Text;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// ETag on the single-resource GETs (a camera, a violation) and If-Match on their writes (camera update, violation
/// review): the tag is the stored version, equal on both paths, and the write checks it in the same statement, so two
/// writers holding the same tag cannot both win.
/// </summary>
public sealed class ConditionalRequestTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    private const string Cameras = CamerasHttp.Url;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetViolation_OnEitherPath_AnswersTheSameETag(bool forceDomain)
    {
        using var domain = await api.Client.GetAsync("/api/v1/records/violations/2?force_domain=true");
        using var other = await api.Client.GetAsync($"/api/v1/records/violations/2?force_domain={Flag(forceDomain)}");

        Assert.NotNull(domain.Headers.ETag);
        Assert.Equal(domain.Headers.ETag, other.Headers.ETag);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChangeStatus_WhenIfMatchIsStale_Answers412AndChangesNothing(bool forceDomain)
    {
        using var before = await api.Client.GetAsync("/api/v1/records/violations/6");
        using var request = Review(6, "\"999999\"", forceDomain);

        using var response = await api.Client.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        using var after = await api.Client.GetAsync("/api/v1/records/violations/6");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChangeStatus_WhenIfMatchIsCurrent_AppliesTheReviewAndTheTagChanges()
    {
        using var before = await api.Client.GetAsync("/api/v1/records/violations/1");
        using var request = Review(1, before.Headers.ETag!.ToString(), forceDomain: true);

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = await api.Client.GetAsync("/api/v1/records/violations/1");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetCamera_OnEitherPath_AnswersTheSameBodyAndETag(bool forceDomain)
    {
        var id = await NewCameraAsync($"etag-get-{Flag(forceDomain)}");

        using var domain = await api.Client.SendOnPathAsync(HttpMethod.Get, $"{Cameras}/{id}", null, forceDomain: true);
        using var other = await api.Client.SendOnPathAsync(HttpMethod.Get, $"{Cameras}/{id}", null, forceDomain);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(CamerasHttp.PathName(forceDomain), other.ServedBy());
        Assert.NotNull(domain.Headers.ETag);
        Assert.False(domain.Headers.ETag!.IsWeak);
        Assert.Equal(domain.Headers.ETag, other.Headers.ETag);
        Assert.Equal(await domain.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetCamera_WhenUnknown_Answers404OnBothPaths(bool forceDomain)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Get, $"{Cameras}/no-such-camera", null, forceDomain);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WhenIfMatchIsCurrent_AppliesAndTheTagChanges(bool forceDomain)
    {
        var id = await NewCameraAsync($"etag-current-{Flag(forceDomain)}");
        var tag = await ETagOfAsync(id);

        using var response = await UpdateAsync(id, tag, "Renamed", forceDomain);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await ETagOfAsync(id);
        Assert.NotEqual(tag, after);
        Assert.Equal("Renamed", await api.ScalarAsync<string>($"SELECT name FROM cameras WHERE id = '{id}'"));
    }

    [Theory]
    [InlineData(true, "\"1\"")]
    [InlineData(false, "\"1\"")]
    [InlineData(true, "W/\"{0}\"")]
    [InlineData(false, "W/\"{0}\"")]
    [InlineData(true, "not-a-tag")]
    [InlineData(false, "\"abc\"")]
    public async Task UpdateCamera_WhenIfMatchDoesNotNameTheCurrentVersionStrongly_Answers412AndChangesNothing(
        bool forceDomain, string ifMatch)
    {
        var id = await NewCameraAsync($"etag-stale-{Flag(forceDomain)}-{ifMatch.Length}");
        var tag = await ETagOfAsync(id);
        // A weak tag of the current version still fails: If-Match compares strongly.
        ifMatch = ifMatch.Replace("{0}", tag.Trim('"'), StringComparison.Ordinal);

        using var response = await UpdateAsync(id, ifMatch, "Must not be written", forceDomain);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(tag, await ETagOfAsync(id));
        Assert.Equal("Original", await api.ScalarAsync<string>($"SELECT name FROM cameras WHERE id = '{id}'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WithIfMatchAnyOrAListHoldingTheCurrentTag_Applies(bool forceDomain)
    {
        var id = await NewCameraAsync($"etag-list-{Flag(forceDomain)}");
        var tag = await ETagOfAsync(id);

        using var listed = await UpdateAsync(id, $"\"1\", {tag}", "Listed", forceDomain);
        using var any = await UpdateAsync(id, "*", "Any", forceDomain);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WithIfMatchOnAnUnknownCamera_Answers404(bool forceDomain)
    {
        using var response = await UpdateAsync("no-such-camera", "\"5\"", "Nobody", forceDomain);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WhenTwoWritersHoldTheSameTag_ExactlyOneWins(bool forceDomain)
    {
        var id = await NewCameraAsync($"etag-race-{Flag(forceDomain)}");
        var tag = await ETagOfAsync(id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async writer =>
        {
            using var response = await UpdateAsync(id, tag, $"Writer {writer}", forceDomain);
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(status => status == HttpStatusCode.OK));
        Assert.All(answers.Where(status => status != HttpStatusCode.OK),
            status => Assert.Equal(HttpStatusCode.PreconditionFailed, status));
    }

    private async Task<string> NewCameraAsync(string id)
    {
        await api.ExecuteAsync($"DELETE FROM cameras WHERE id = '{id}'");
        using var created = await api.Client.SendOnPathAsync(HttpMethod.Post, Cameras,
            $$"""{"id": "{{id}}", "name": "Original", "source_url": "rtsp://127.0.0.1/{{id}}"}""", forceDomain: null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }

    private async Task<string> ETagOfAsync(string id)
    {
        using var response = await api.Client.GetAsync($"{Cameras}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private async Task<HttpResponseMessage> UpdateAsync(string id, string ifMatch, string name, bool forceDomain)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Cameras}/{id}?force_domain={Flag(forceDomain)}")
        {
            Content = new StringContent($$"""{"name": "{{name}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await api.Client.SendAsync(request);
    }

    private static HttpRequestMessage Review(int id, string ifMatch, bool forceDomain)
    {
        var request = new HttpRequestMessage(HttpMethod.Put,
            $"/api/v1/records/violations/{id}/status?status=confirmed&force_domain={Flag(forceDomain)}");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static string Flag(bool forceDomain) => forceDomain ? "true" : "false";
}

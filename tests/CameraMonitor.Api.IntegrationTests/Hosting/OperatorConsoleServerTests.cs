using System.Net;
using System.Net.Http.Json;
using CameraMonitor.Api.Endpoints;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.OperatorConsole;

namespace CameraMonitor.Api.IntegrationTests.Hosting;

/// <summary>
/// The console's server side: its files as the service serves them (content types, CSP, revalidation, redirects) and
/// GET /api/v1/admin/rollout/session, which tells the console what a key may do. One fixture for both.
/// </summary>
public sealed class OperatorConsoleServerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/console/", "text/html")]
    [InlineData("/console/app.js", "text/javascript")]
    [InlineData("/console/console.css", "text/css")]
    public async Task Get_WhenFileExists_ServesItWithoutAKeyWithItsTypeAndAStrictPolicy(string path, string mediaType)
    {
        using var client = api.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(ConsoleEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Get_WhenETagMatches_AnswersNotModified()
    {
        using var first = await api.Client.GetAsync("/console/app.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Get_WhenPathLacksTrailingSlash_RedirectsToTheFolder()
    {
        using var client = api.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_WhenFileIsUnknown_AnswersProblem404()
    {
        using var response = await api.Client.GetAsync("/console/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Index_WhenServed_HasNoInlineScriptOrStyle()
    {
        var html = await api.Client.GetStringAsync("/console/");

        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }

    [Fact]
    public void Assets_WhenLoaded_IncludeEveryModuleTheIndexNeeds()
    {
        var files = new ConsoleAssets().Files.ToHashSet();

        Assert.Superset(new HashSet<string> { "index.html", "app.js", "api.js", "console.css", "store.js", "charts.js" }, files);
    }

    [Fact]
    public async Task Session_WhenOperatorKey_MayChangeTheRollout()
    {
        using var client = api.CreateClientWithKey(ApiFixture.OperatorKey);

        var session = await client.GetFromJsonAsync<AdminSession>(AdminSessionEndpoints.Path, IngestRequests.Json);

        Assert.True(session!.CanChangeRollout);
        Assert.Equal(ApiFixture.OperatorOwner, session.Name);
        Assert.Equal(["operator"], session.Roles);
        Assert.Null(session.ChangeRequires);
    }

    [Fact]
    public async Task Session_WhenReaderKey_SaysChangesNeedTheOperatorRole()
    {
        using var client = api.CreateClientWithKey(ApiFixture.ReaderKey);

        var session = await client.GetFromJsonAsync<AdminSession>(AdminSessionEndpoints.Path, IngestRequests.Json);

        Assert.False(session!.CanChangeRollout);
        Assert.Equal(ApiFixture.ReaderOwner, session.Name);
        Assert.Equal("needs the 'operator' role", session.ChangeRequires);
    }

    [Fact]
    public async Task Session_WhenNoKey_Answers401()
    {
        using var client = api.CreateAnonymousClient();

        using var response = await client.GetAsync(AdminSessionEndpoints.Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Contract;

/// <summary>
/// The validator that every fixture client runs must itself catch what it is there for; and the document must
/// accept what the README shows a client sending.
/// </summary>
public sealed class OpenApiContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Json = "application/json";

    [Fact]
    public async Task Check_WhenTheStatusIsNotDeclared_ReportsIt()
    {
        var contract = await SharedContract.Of(api.Factory, ApiFixture.AdminKey);

        var problems = contract.Check("GET", "/api/v1/cameras", null, null, HttpStatusCode.Gone, null, null);

        Assert.Contains(problems, problem => problem.Contains("410: the status is not declared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_WhenTheResponseBodyBreaksItsSchema_ReportsTheMember()
    {
        var contract = await SharedContract.Of(api.Factory, ApiFixture.AdminKey);

        var problems = contract.Check("GET", "/api/v1/cameras/cam0/stats", null, null, HttpStatusCode.OK, Json,
            """{"camera_id": 7}""");

        Assert.NotEmpty(problems);
    }

    [Theory]
    [InlineData("""{"camera_id":"cam0","detected_at":"2026-11-20T12:00:00Z"}""", true)]
    [InlineData("""[{"camera_id":"cam0","detected_at":"2026-11-20T12:00:00Z"}]""", true)]
    [InlineData("""{"camera_id":"cam0"}""", false)]
    [InlineData("""[]""", false)]
    public async Task Check_IngestBody_IsOneRecordOrANonEmptyArray(string body, bool accepted)
    {
        var contract = await SharedContract.Of(api.Factory, ApiFixture.AdminKey);

        var problems = contract.Check("POST", "/api/v1/records/detection-records", Json, body, HttpStatusCode.Created, Json,
            """{"ok": true, "ids": [1]}""");

        Assert.Equal(accepted, !problems.Any(problem => problem.Contains("request:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("POST", "/api/v1/cameras", """{"id":"c1","name":"C","source_url":"rtsp://h/s"}""")]
    [InlineData("PUT", "/api/v1/cameras/cam0", """{"status":"online"}""")]
    [InlineData("PUT", "/api/v1/cameras/cam0", """{"enabled":false}""")]
    public async Task Check_TheReadmeCameraExamples_AreAcceptedRequests(string method, string path, string body)
    {
        var contract = await SharedContract.Of(api.Factory, ApiFixture.AdminKey);

        var problems = contract.Check(method, path, Json, body, HttpStatusCode.OK, null, null);

        Assert.DoesNotContain(problems, problem => problem.Contains("request:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListCameras_WhenTheClientAcceptsGzip_AnswersCompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cameras");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }
}

using System.Net;
using CameraMonitor.Api.IntegrationTests.Statistics;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>ETag on GET /records/violations/{id}; If-Match on its review (412 when the violation changed).</summary>
public sealed class ConditionalRequestTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetViolation_OnEitherPath_AnswersTheSameETag(bool forceDomain)
    {
        using var domain = await api.Client.GetAsync("/api/v1/records/violations/2?force_domain=true");
        using var other = await api.Client.GetAsync($"/api/v1/records/violations/2?force_domain={(forceDomain ? "true" : "false")}");

        Assert.NotNull(domain.Headers.ETag);
        Assert.Equal(domain.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task ChangeStatus_WhenIfMatchIsStale_Answers412AndChangesNothing()
    {
        using var before = await api.Client.GetAsync("/api/v1/records/violations/6");
        using var request = Review(6, "\"not-the-current-tag\"");

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var after = await api.Client.GetAsync("/api/v1/records/violations/6");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task ChangeStatus_WhenIfMatchIsCurrent_AppliesTheReviewAndTheTagChanges()
    {
        using var before = await api.Client.GetAsync("/api/v1/records/violations/1");
        using var request = Review(1, before.Headers.ETag!.ToString());

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = await api.Client.GetAsync("/api/v1/records/violations/1");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    private static HttpRequestMessage Review(int id, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/records/violations/{id}/status?status=confirmed");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }
}

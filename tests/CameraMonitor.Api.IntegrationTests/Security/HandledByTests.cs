using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;
using CameraMonitor.Api.Security;

namespace CameraMonitor.Api.IntegrationTests.Security;

/// <summary>Who reviewed a violation is the caller, unless the caller may act for others (operators).</summary>
public sealed class HandledByTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    [Fact]
    public async Task ChangeStatus_WithoutHandledBy_RecordsTheCallersOwner()
    {
        using var reviewer = api.CreateClientFor(ApiRoles.Reviewer);

        using var response = await reviewer.PutAsync("/api/v1/records/violations/6/status?status=confirmed", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApiFixture.OwnerOf(ApiRoles.Reviewer), (await api.Client.ReadViolationAsync(6)).GetProperty("handled_by").GetString());
    }

    [Fact]
    public async Task ChangeStatus_InSomeoneElsesName_WithoutActingForOthers_Answers403AndWritesNothing()
    {
        using var reviewer = api.CreateClientFor(ApiRoles.Reviewer);
        var before = (await api.Client.ReadViolationAsync(7)).ToString();

        using var response = await reviewer.PutAsync("/api/v1/records/violations/7/status?status=confirmed&handled_by=dora", null);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(problem.GetProperty("errors").TryGetProperty("handled_by", out _), problem.ToString());
        Assert.Equal(before, (await api.Client.ReadViolationAsync(7)).ToString());
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public async Task ChangeStatus_InSomeoneElsesName_ByAnOperator_KeepsTheName(int id, bool forceDomain)
    {
        using var supervisor = api.CreateAnonymousClient().WithBearer(TestTokens.Valid("sam", ApiRoles.Reviewer, ApiRoles.Operator));

        using var response = await supervisor.PutAsync(
            $"/api/v1/records/violations/{id}/status?status=confirmed&handled_by=dora&force_domain={forceDomain}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dora", (await api.Client.ReadViolationAsync(id)).GetProperty("handled_by").GetString());
    }
}

using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;
using CameraMonitor.Domain.Violations;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// PUT /api/v1/records/violations/{violation_id}/status. Tests of this class run one after the other on one
/// database, each on its own violations (ids from <see cref="StatisticsSeed"/>).
/// </summary>
public sealed class ViolationStatusEndpointTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(5, false)]
    public async Task ChangeStatus_WhenAllowed_StoresTheReviewBumpsTheVersionAndMovesTheRollup(int id, bool forceDomain)
    {
        using var response = await PutAsync(id, "confirmed&notes=on%20camera&handled_by=dora", forceDomain);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(forceDomain ? "domain" : "legacy", response.ServedBy());
        Assert.Equal($$"""{"ok":true,"violation_id":{{id}},"status":"confirmed"}""", await response.Content.ReadAsStringAsync());
        var stored = await api.Client.ReadViolationAsync(id);
        Assert.Equal("confirmed", stored.GetProperty("status").GetString());
        Assert.Equal("2026-11-20T12:00:00Z", stored.GetProperty("handled_at").GetString());
        Assert.Equal("dora", stored.GetProperty("handled_by").GetString());
        Assert.Equal("on camera", stored.GetProperty("notes").GetString());
        Assert.Equal(1, await VersionAsync(id));
        await api.AssertViolationRollupsEqualRecountAsync();
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(13, false)]
    public async Task ChangeStatus_WhenResolvedAndOnlyNotesChange_KeepsResolvedAndStoresTheNotes(int id, bool forceDomain)
    {
        using var response = await PutAsync(id, "resolved&notes=paid%20the%20fine", forceDomain);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await api.Client.ReadViolationAsync(id);
        Assert.Equal("resolved", stored.GetProperty("status").GetString());
        Assert.Equal("paid the fine", stored.GetProperty("notes").GetString());
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("handled_by").GetString()), "handled_by was kept");
    }

    [Theory]
    [InlineData(4, "pending", true)]
    [InlineData(13, "confirmed", false)]
    [InlineData(2, "pending", true)]
    [InlineData(3, "resolved", false)]
    public async Task ChangeStatus_WhenTheTransitionIsForbidden_Answers400NamingBothStatesAndWritesNothing(int id,
        string to, bool forceDomain)
    {
        var before = await api.Client.ReadViolationAsync(id);
        var versionBefore = await VersionAsync(id);

        using var response = await PutAsync(id, to, forceDomain);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"from {before.GetProperty("status").GetString()} to {to}", detail, StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(before.ToString(), (await api.Client.ReadViolationAsync(id)).ToString());
        Assert.Equal(versionBefore, await VersionAsync(id));
    }

    [Theory]
    [InlineData("done")]
    [InlineData("PENDING")]
    [InlineData("")]
    public async Task ChangeStatus_WhenStatusIsUnknownOrMissing_Answers400NamingStatus(string status)
    {
        using var response = await api.Client.PutAsync($"/api/v1/records/violations/6/status?status={status}", null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _), problem.ToString());
    }

    [Fact]
    public async Task ChangeStatus_WhenStatusIsAbsent_Answers400NamingStatus()
    {
        using var response = await api.Client.PutAsync("/api/v1/records/violations/6/status", null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("status is required.", problem.GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task ChangeStatus_WhenNotesAreTooLong_Answers400NamingNotes()
    {
        using var response = await PutAsync(6, "confirmed&notes=" + new string('n', Violation.MaxNotesLength + 1), true);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("notes", out _), problem.ToString());
        Assert.Equal(0, await VersionAsync(6));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChangeStatus_WhenTheViolationIsUnknown_Answers404(bool forceDomain)
    {
        using var response = await PutAsync(999, "confirmed", forceDomain);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangeStatus_WhenTheIdIsNotNumeric_Answers400NamingViolationId()
    {
        using var response = await api.Client.PutAsync("/api/v1/records/violations/abc/status?status=confirmed", null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("violation_id", out _), problem.ToString());
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(9, false)]
    public async Task ChangeStatus_WhenTheSameStatusIsSetAgain_IsIdempotent(int id, bool forceDomain)
    {
        var rollups = await api.ReadViolationRollupsAsync();

        using var first = await PutAsync(id, "pending", forceDomain);
        using var second = await PutAsync(id, "pending", forceDomain);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("pending", (await api.Client.ReadViolationAsync(id)).GetProperty("status").GetString());
        Assert.Equal(rollups, await api.ReadViolationRollupsAsync());
    }

    /// <summary>
    /// The test holds the violation's row lock while two requests read it and try to write; when it lets go,
    /// exactly one write may win and the other must see the version it read is gone.
    /// </summary>
    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public async Task ChangeStatus_WhenTwoRequestsRace_ExactlyOneWinsAndTheOtherGets409(int id, bool forceDomain)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        await using var holder = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT 1 FROM violations WHERE id = @id FOR UPDATE", new { id }, holder);

        var confirm = PutAsync(id, "confirmed", forceDomain);
        var reject = PutAsync(id, "false_positive", forceDomain);
        await WaitForLockWaitersAsync(2);
        await holder.CommitAsync();
        using var a = await confirm;
        using var b = await reject;

        var codes = new[] { a.StatusCode, b.StatusCode }.Order().ToArray();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
        var winner = a.StatusCode == HttpStatusCode.OK ? "confirmed" : "false_positive";
        Assert.Equal(winner, (await api.Client.ReadViolationAsync(id)).GetProperty("status").GetString());
        Assert.Equal(1, await VersionAsync(id));
        var loser = a.StatusCode == HttpStatusCode.Conflict ? a : b;
        await loser.ProblemAsync(HttpStatusCode.Conflict);
        await api.AssertViolationRollupsEqualRecountAsync();
    }

    [Fact]
    public async Task ChangeStatus_WhenTheDomainWriteFailsAfterUpdating_FallsBackAndWritesOnce()
    {
        using var factory = api.WithServices(services => services.AddScoped<IViolationRepository>(p =>
            new FailingAfterUpdate(new ViolationRepository(p.GetRequiredService<IDbSession>()))));
        using var client = factory.CreateClient();

        using var response = await client.PutAsync("/api/v1/records/violations/12/status?status=resolved&force_domain=true", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal("resolved", (await api.Client.ReadViolationAsync(12)).GetProperty("status").GetString());
        Assert.Equal(1, await VersionAsync(12));
        await api.AssertViolationRollupsEqualRecountAsync();
    }

    private Task<HttpResponseMessage> PutAsync(int id, string statusAndMore, bool forceDomain) =>
        api.Client.PutAsync(
            $"/api/v1/records/violations/{id}/status?status={statusAndMore}&force_domain={(forceDomain ? "true" : "false")}",
            null);

    private async Task<int> VersionAsync(int id)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT version FROM violations WHERE id = @id", new { id });
    }

    private async Task WaitForLockWaitersAsync(int expected)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await connection.ExecuteScalarAsync<int>(
                   "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
               < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{expected} requests did not queue on the row lock in time");
            await Task.Delay(20);
        }
    }

    /// <summary>Lets the real write happen, then fails: the domain attempt must roll back before legacy runs.</summary>
    private sealed class FailingAfterUpdate(IViolationRepository inner) : IViolationRepository
    {
        public Task<Violation?> FindAsync(long id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

        public Task<IReadOnlyList<Violation>> SearchAsync(ViolationSearch search, CancellationToken cancellationToken) =>
            inner.SearchAsync(search, cancellationToken);

        public Task<long> CountAsync(ViolationSearch search, CancellationToken cancellationToken) =>
            inner.CountAsync(search, cancellationToken);

        public async Task<bool> UpdateAsync(Violation violation, CancellationToken cancellationToken)
        {
            await inner.UpdateAsync(violation, cancellationToken);
            throw new InvalidOperationException("connection lost after the write");
        }
    }
}

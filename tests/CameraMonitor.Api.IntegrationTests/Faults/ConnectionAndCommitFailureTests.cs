using System.Net;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>
/// Faults inside one command on a healthy database: the domain attempt's connection is terminated (the fallback runs
/// on a fresh connection and the write lands once), and a constraint checked only at COMMIT refuses the change (the
/// constraint's own error is reported, not the failure of rolling back a finished transaction).
/// </summary>
public sealed class ConnectionAndCommitFailureTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CreateCamera_WhenTheDomainConnectionIsTerminatedMidCommand_FallsBackOnAFreshConnectionAndWritesOnce()
    {
        using var factory = api.WithServices(services => services.AddScoped(provider =>
            TerminatesItsConnectionAfterInsert(provider.GetRequiredService<IDbSession>())));
        using var client = factory.CreateClient();

        using var response = await client.SendOnPathAsync(HttpMethod.Post, CamerasHttp.Url,
            """{"id": "terminated", "name": "Terminated", "source_url": "rtsp://127.0.0.1/t"}""", forceDomain: true);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'terminated'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateCamera_WhenADeferredConstraintFailsAtCommit_ReportsTheConstraintErrorAndStoresNothing(bool forceDomain)
    {
        await api.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_reject_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.name = 'reject at commit' THEN
                RAISE EXCEPTION 'camera % rejected at commit', NEW.id USING ERRCODE = 'check_violation';
              END IF;
              RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS test_reject_at_commit ON cameras;
            CREATE CONSTRAINT TRIGGER test_reject_at_commit AFTER INSERT ON cameras
              DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_reject_at_commit();
            """);
        var logs = new CapturedLogs();
        using var factory = api.WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = factory.CreateClient();
        var id = forceDomain ? "commit-fails-d" : "commit-fails-l";

        using var response = await client.SendOnPathAsync(HttpMethod.Post, CamerasHttp.Url,
            $$"""{"id": "{{id}}", "name": "reject at commit", "source_url": "rtsp://127.0.0.1/c"}""", forceDomain);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"camera {id} rejected at commit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = @id", new { id }));
        // The original error is the one carried; a failing rollback may only appear beside it, never instead of it.
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error && e.Exception is InvalidOperationException);
        Assert.All(logs.Entries.Where(e => e.Message.Contains("Rolling back failed", StringComparison.Ordinal)),
            e => Assert.Contains("rejected at commit", e.Message, StringComparison.Ordinal));
    }

    /// <summary>Inserts for real, then has PostgreSQL terminate this very connection (57P01), as an operator or crash would.</summary>
    private static ICameraRepository TerminatesItsConnectionAfterInsert(IDbSession session)
    {
        var real = new CameraRepository(session);
        var repository = Substitute.For<ICameraRepository>();
        repository.FindAsync(default!, default).ReturnsForAnyArgs(call => real.FindAsync(call.Arg<CameraId>(), call.Arg<CancellationToken>()));
        repository.AddAsync(default!, default).ReturnsForAnyArgs(async call =>
        {
            await real.AddAsync(call.Arg<Camera>(), call.Arg<CancellationToken>());
            var connection = await session.ConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync("SELECT pg_terminate_backend(pg_backend_pid())", transaction: session.Transaction);
        });
        return repository;
    }
}

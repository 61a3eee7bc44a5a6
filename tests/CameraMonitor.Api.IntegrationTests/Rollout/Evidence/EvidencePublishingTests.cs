using System.Net;
using System.Net.Sockets;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Infrastructure.Rollout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Evidence;

/// <summary>Publishing evidence is off the request path: a database that hangs or is gone costs requests nothing.</summary>
public sealed class EvidencePublishingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Requests_WhileThePublishersDatabaseHangs_AreAnswered_AndTheirEvidenceWaitsInTheBuffer()
    {
        // A listener that never accepts: connecting to it hangs (the kernel completes the handshake, nobody answers).
        using var hanging = new TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        await using var blocked = NpgsqlDataSource.Create(DeadEnd(((IPEndPoint)hanging.LocalEndpoint).Port));
        var options = new EvidenceOptions { PublishIntervalSeconds = 0.1 };
        using var host = api.WithServices(s => s.AddSingleton(p => Publisher(p.GetRequiredService<EvidenceRecorder>(), blocked, options)));
        using var client = host.CreateClient();
        var publisher = host.Services.GetRequiredService<EvidencePublisher>();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync("/api/v1/cameras");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.False(await publisher.FlushAsync(CancellationToken.None));
        Assert.True(publisher.PendingRows >= 1, $"{publisher.PendingRows} rows pending");
        Assert.Equal(0, publisher.DroppedRows);
    }

    [Fact]
    public async Task Flush_WhileTheDatabaseIsGone_KeepsSlicesUpToTheLimit_ThenDropsTheOldestAndCountsThem()
    {
        var port = ClosedPort();
        await using var gone = NpgsqlDataSource.Create(DeadEnd(port));
        var recorder = new EvidenceRecorder();
        var publisher = Publisher(recorder, gone, new EvidenceOptions { MaxPendingRows = 3 });

        recorder.RecordAttempt("A", "domain", "percentage", 1, failed: false);
        recorder.RecordAttempt("B", "domain", "percentage", 1, failed: false);
        var first = await publisher.FlushAsync(CancellationToken.None);
        var afterFirst = (publisher.PendingRows, publisher.DroppedRows);
        recorder.RecordAttempt("A", "legacy", "percentage", 1, failed: false);
        recorder.RecordAttempt("B", "legacy", "percentage", 1, failed: false);
        var second = await publisher.FlushAsync(CancellationToken.None);

        Assert.False(first || second);
        Assert.Equal((2, 0L), afterFirst);
        Assert.Equal((2, 2L), (publisher.PendingRows, publisher.DroppedRows));
    }

    private EvidencePublisher Publisher(EvidenceRecorder recorder, NpgsqlDataSource dataSource, EvidenceOptions options) =>
        new(recorder, dataSource, new EvidenceInstance(Options.Create(options)), Options.Create(options), TimeProvider.System,
            NullLogger<EvidencePublisher>.Instance);

    private static string DeadEnd(int port) =>
        $"Host=127.0.0.1;Port={port};Username=nobody;Database=nowhere;Timeout=3;Pooling=false";

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: connecting is refused
    }
}

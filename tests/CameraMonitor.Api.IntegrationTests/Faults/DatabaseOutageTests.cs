using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using Dapper;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>
/// The database stops and starts again (its own cluster) while clients ingest and read: every answer is 200/201 or
/// 503 with Retry-After (never 500), the service recovers without a restart, and every acknowledged batch is stored
/// exactly once even though clients retried with their Idempotency-Key during the outage.
/// </summary>
public sealed class DatabaseOutageTests(OwnClusterApiFixture api) : IClassFixture<OwnClusterApiFixture>
{
    private const int Writers = 3;
    private const int BatchesPerWriter = 12;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ClusterStoppedAndRestarted_UnderConcurrentIngestAndReads_Answers503ThenRecoversAndStoresEachBatchOnce()
    {
        var statuses = new ConcurrentBag<(HttpStatusCode Status, bool RetryAfter, string Body)>();
        var acknowledged = new ConcurrentDictionary<string, long[]>();
        var progress = new SemaphoreSlim(0);
        var deadline = Stopwatch.StartNew();
        using var readersStop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < BatchesPerWriter; b++)
            {
                var key = $"outage-{w}-{b}";
                var body = IngestRequests.Record("cam0", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(w * 100 + b));
                while (deadline.Elapsed < Bound)
                {
                    using var response = await IngestRequests.PostAsync(api.Client, body, forceDomain: b % 2 == 0, key);
                    var text = await response.Content.ReadAsStringAsync();
                    statuses.Add((response.StatusCode, response.Headers.RetryAfter is not null, text));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[key] = JsonDocument.Parse(text).RootElement.GetProperty("ids").EnumerateArray()
                            .Select(i => i.GetInt64()).ToArray();
                        progress.Release();
                        break;
                    }

                    await Task.Delay(100);
                }
            }
        })).ToList();
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            while (!readersStop.IsCancellationRequested && deadline.Elapsed < Bound)
            {
                using var response = await api.Client.GetAsync(r == 0 ? "/api/v1/cameras" : "/api/v1/cameras/cam0/stats?force_domain=true");
                statuses.Add((response.StatusCode, response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync()));
                await Task.Delay(50);
            }
        })).ToList();

        // Some batches go through first; then the database goes away for a while, then comes back on the same port.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await progress.WaitAsync(TimeSpan.FromSeconds(30)), "no ingest succeeded before the outage");
        }

        await api.StopClusterAsync();
        using (var ready = await api.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await api.StartClusterAsync();

        await Task.WhenAll(writers);
        await readersStop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.DoesNotContain(statuses, s => (int)s.Status >= 500 && s.Status != HttpStatusCode.ServiceUnavailable);
        Assert.Contains(statuses, s => s.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(statuses.Where(s => s.Status == HttpStatusCode.ServiceUnavailable), s =>
        {
            Assert.True(s.RetryAfter, s.Body);
            Assert.Contains("cameramonitor.dev/problems/", s.Body, StringComparison.Ordinal);
        });
        Assert.Equal(Writers * BatchesPerWriter, acknowledged.Count);
        using (var ready = await api.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        api.DataSource.Clear(); // the test's own pooled connections died with the old server
        await using var connection = await api.DataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<long>("SELECT id FROM detection_records WHERE camera_id = 'cam0'")).ToList();
        Assert.Equal(Writers * BatchesPerWriter, stored.Count);
        Assert.Equal(acknowledged.Values.SelectMany(ids => ids).Order(), stored.Order());
    }
}

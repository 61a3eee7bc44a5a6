using System.Net;
using CameraMonitor.Api.IntegrationTests.Statistics;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>Concurrent status changes of different violations that share rollup cells (own database).</summary>
public sealed class ViolationRollupConcurrencyTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    /// <summary>Different violations of one camera, hour and type move at once: the shared rollup cells lose nothing.</summary>
    [Fact]
    public async Task ConcurrentChangesInOneRollupBucket_OnBothPaths_KeepTheRollupsEqualToARecount()
    {
        // Violations 1, 3, 5 are cam0's no_hairnet of 11:00 (pending, false_positive, pending), 2 and 7 its no_mask.
        var moves = new (int Id, bool ForceDomain)[] { (1, true), (3, false), (5, false), (2, true), (7, false) };
        var targets = new Dictionary<string, string[]>
        {
            ["pending"] = ["confirmed", "false_positive"],
            ["confirmed"] = ["false_positive", "resolved"],
            ["false_positive"] = ["pending"],
        };
        var sent = 0;
        for (var round = 0; round < 3; round++)
        {
            var requests = new List<Task<HttpResponseMessage>>();
            foreach (var (id, forceDomain) in moves)
            {
                var current = await api.Client.ViolationStatusAsync(id);
                if (!targets.TryGetValue(current, out var next))
                {
                    continue; // resolved: terminal
                }

                requests.Add(api.Client.PutAsync(
                    $"/api/v1/records/violations/{id}/status?status={next[round % next.Length]}&force_domain={forceDomain}", null));
            }

            sent += requests.Count;
            foreach (var response in await Task.WhenAll(requests))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.Equal(12, sent);
        await api.AssertViolationRollupsEqualRecountAsync();
    }
}

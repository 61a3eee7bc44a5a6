using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>Helpers over the plan routes of the operator API and the traffic the plans judge.</summary>
internal static class PlanApi
{
    /// <summary>
    /// Short windows and low minimums for tests; lenient latency, because a few milliseconds of test-machine jitter must
    /// not decide them; parity is not sampled here.
    /// </summary>
    public static readonly object Quick = new
    {
        observation_seconds = 60,
        min_requests = 10,
        min_latency_samples = 10,
        max_p95_increase_percent = 10_000,
        disabled_checks = new[] { "parity" },
    };

    public static string PlanUrl(string endpoint) => $"{AdminApi.Prefix}/endpoints/{endpoint}/plan";

    public static async Task<JsonElement> StartPlanAsync(this HttpClient client, string endpoint, object? body = null)
    {
        using var response = body is null
            ? await client.PostAsync(PlanUrl(endpoint), null)
            : await client.PostAsJsonAsync(PlanUrl(endpoint), body);
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    /// <summary>POST …/plan/{verb}; the answer's body (the plan, or the problem).</summary>
    public static async Task<JsonElement> PlanVerbAsync(this HttpClient client, string endpoint, string verb,
        HttpStatusCode expected = HttpStatusCode.OK, string? reason = null)
    {
        using var response = await client.PostAsync($"{PlanUrl(endpoint)}/{verb}" + (reason is null ? "" : $"?reason={Uri.EscapeDataString(reason)}"), null);
        return expected == HttpStatusCode.OK ? await response.JsonAsync(expected) : await response.ProblemAsync(expected);
    }

    public static Task<JsonElement> GetPlanAsync(this HttpClient client, string endpoint) => client.GetJsonAsync(PlanUrl(endpoint));

    /// <summary>Ends any active plan and removes the override, so each test starts from configuration.</summary>
    public static async Task ResetAsync(this HttpClient client, string endpoint)
    {
        using var cancelled = await client.DeleteAsync(PlanUrl(endpoint));
        using var removed = await client.DeleteAsync($"{AdminApi.Prefix}/endpoints/{endpoint}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
    }

    /// <summary>
    /// GET /api/v1/cameras <paramref name="times"/> times, routed by the percentage split (the only traffic a plan judges)
    /// to the domain or the legacy path: each request comes from a client (X-Client-Id) that <paramref name="host"/>'s own
    /// router sends there at the current percentage. Returns what served them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CamerasAsync(this HttpClient client, IServiceProvider host, int times, bool domain)
    {
        var router = host.GetRequiredService<IRolloutRouter>();
        var servedBy = new List<string>();
        for (var i = 0; servedBy.Count < times; i++)
        {
            Assert.True(i < 10_000, "no client lands on the wanted path at this percentage");
            var key = $"split-client-{i}";
            var decision = await router.DecideAsync("ListCameras", new RequestContext { ClientKey = key });
            if (decision.UseDomain != domain || decision.Reason != RoutingDecision.Percentage)
            {
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cameras");
            request.Headers.Add("X-Client-Id", key);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            servedBy.Add(response.ServedBy());
        }

        return servedBy;
    }

    /// <summary>GET /api/v1/cameras <paramref name="times"/> times with force_domain: steered traffic, never judged.</summary>
    public static async Task ForcedCamerasAsync(this HttpClient client, int times, bool forceDomain)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await client.GetAsync($"/api/v1/cameras?force_domain={(forceDomain ? "true" : "false")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The newest audit row.</summary>
    public static async Task<JsonElement> NewestAuditAsync(this HttpClient client) =>
        (await client.GetJsonAsync($"{AdminApi.Prefix}/audit?limit=1")).GetProperty("entries")[0];

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}

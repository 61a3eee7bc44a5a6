using System.Diagnostics;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;
using CameraMonitor.Application.Cameras.ListCameras;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Parity;

/// <summary>Every query of these hosts is sampled (parity_sample_rate 100) and compared in the background.</summary>
public sealed class ParitySamplingTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Endpoint = "ListCameras";
    private const int Samples = 3;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // The reports are cluster-wide and this class's hosts share one database: each test starts from no evidence.
    public Task InitializeAsync() => api.ResetEvidenceAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DomainDifferingInOneField_IsCountedAsAMismatchWithThatFieldsPath()
    {
        using var host = Host(s => s.AlterDomain(c => c.Id == "cam0" ? c with { Name = c.Name + " (renamed)" } : c));

        var report = await SampleAsync(host, forceDomain: false);

        Assert.Equal(Samples, report.GetProperty("mismatched").GetInt64());
        Assert.Equal(0, report.GetProperty("accuracy_percent").GetDouble());
        Assert.Equal(Samples, report.GetProperty("mismatched_fields").GetProperty("cameras[*].name").GetInt64());
        var diff = report.GetProperty("recent_diffs")[0];
        Assert.Equal("cameras[0].name", diff.GetProperty("path").GetString());
        Assert.Contains("(renamed)", diff.GetProperty("domain_value").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("(renamed)", diff.GetProperty("legacy_value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DifferenceInAnIgnoredField_IsNoMismatch()
    {
        using var host = Host(s => s.AlterDomain(c => c with { Name = c.Name + " (renamed)" }),
            ("Rollout:Endpoints:ListCameras:IgnoredFields:0", "name"));

        var report = await SampleAsync(host, forceDomain: true);

        Assert.Equal(0, report.GetProperty("mismatched").GetInt64());
        Assert.Equal(100, report.GetProperty("accuracy_percent").GetDouble());
    }

    [Fact]
    public async Task FieldRandomInBothImplementations_IsReportedNonDeterministic_AndNoMismatch()
    {
        using var host = Host(s => s
            .AlterDomain(c => c with { Location = Guid.NewGuid().ToString() })
            .AlterLegacy(c => c with { Location = Guid.NewGuid().ToString() }));

        var report = await SampleAsync(host, forceDomain: false);

        Assert.Equal(0, report.GetProperty("mismatched").GetInt64());
        Assert.Equal(1, report.GetProperty("non_deterministic_fields").GetProperty("cameras[*].location").GetDouble());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    public async Task FieldRandomInBothImplementations_AtAnyPercentage_IsNoiseAndNeverAMismatch(int percentage)
    {
        using var host = Host(s => s
                .AlterDomain(c => c with { Location = Guid.NewGuid().ToString() })
                .AlterLegacy(c => c with { Location = Guid.NewGuid().ToString() }),
            ("Rollout:Endpoints:ListCameras:Percentage", percentage.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = host.CreateClient();
        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, host);
        const int requests = 8;
        var served = new List<string>();
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cameras");
            request.Headers.Add("X-Client-Id", $"noise-client-{i}");
            using var response = await client.SendAsync(request);
            served.Add(response.ServedBy());
        }

        JsonElement report = default;
        await AdminApi.EventuallyAsync(async () =>
        {
            report = Report(await reader.GetJsonAsync($"{AdminApi.Prefix}/parity"));
            return report.GetProperty("compared").GetInt64() >= requests;
        }, Bound, "the parity samples being compared");

        Assert.Equal(percentage == 0 ? ["legacy"] : percentage == 100 ? ["domain"] : ["domain", "legacy"], served.Distinct().Order());
        Assert.Equal((requests, 0L), (report.GetProperty("compared").GetInt64(), report.GetProperty("mismatched").GetInt64()));
        var location = report.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "cameras[*].location");
        Assert.Equal((1.0, 1.0, 0.0), (location.GetProperty("noise_rate").GetDouble(), location.GetProperty("differed_rate").GetDouble(),
            location.GetProperty("mismatch_rate").GetDouble()));
        Assert.Equal(JsonValueKind.String, location.GetProperty("noisy_since").ValueKind);
    }

    [Fact]
    public async Task FullQueue_DropsSamples_AndNeverDelaysTheCaller()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = Host(s => s.AddScoped<ILegacyHandler<ListCamerasQuery, ListCamerasResponse>>(_ => new BlockingLegacy(release.Task)),
            ("Parity:QueueCapacity", "1"));
        try
        {
            using var client = host.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(10);
            const int requests = 6;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < requests; i++)
            {
                // Domain answers; the shadow legacy run blocks until released, yet every caller gets its answer.
                Assert.Equal("domain", (await client.GetAsync("/api/v1/cameras?force_domain=true")).ServedBy());
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
            using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, host);
            var metrics = Metrics(await reader.GetJsonAsync($"{AdminApi.Prefix}/metrics"));
            Assert.True(metrics.GetProperty("dropped_samples").GetInt64() >= requests - 2, metrics.ToString());
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task SamplesOverTheBudget_AreReportedSkippedForBudget_AndOnlyTheOthersCompared()
    {
        // One token and a refill far slower than the test: the first sample runs, the next two are refused.
        using var host = Host(_ => { }, ("Parity:Budget:Burst", "1"), ("Parity:Budget:ComparisonsPerSecond", "0.0001"));
        using var client = host.CreateClient();
        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, host);
        for (var i = 0; i < Samples; i++)
        {
            Assert.Equal("domain", (await client.GetAsync("/api/v1/cameras?force_domain=true")).ServedBy());
        }

        JsonElement report = default;
        await AdminApi.EventuallyAsync(async () =>
        {
            report = Report(await reader.GetJsonAsync($"{AdminApi.Prefix}/parity"));
            return report.GetProperty("compared").GetInt64() >= 1;
        }, Bound, "the one sample within budget being compared");

        Assert.Equal((3L, 1L, 2L, 0L), (report.GetProperty("sampled").GetInt64(), report.GetProperty("compared").GetInt64(),
            report.GetProperty("skipped_for_budget").GetInt64(), report.GetProperty("dropped_samples").GetInt64()));
        Assert.DoesNotContain(report.GetProperty("fields").EnumerateArray(), f => f.GetProperty("field").GetString()!.StartsWith('$'));
    }

    [Fact]
    public async Task SamplesAfterTheShadowTimeIsSpent_AreSkippedForBudget_ThoughTokensAreLeft()
    {
        // Tokens to spare, but almost no shadow time: the first comparison's measured duration puts the time bucket in a
        // debt the test never sees refilled, so every later sample is refused.
        using var host = Host(_ => { }, ("Parity:Budget:Burst", "100"), ("Parity:Budget:ComparisonsPerSecond", "100"),
            ("Parity:Budget:ShadowMillisecondsPerSecond", "0.0001"));
        using var client = host.CreateClient();
        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, host);
        Assert.Equal("domain", (await client.GetAsync("/api/v1/cameras?force_domain=true")).ServedBy());
        await AdminApi.EventuallyAsync(async () =>
            Report(await reader.GetJsonAsync($"{AdminApi.Prefix}/parity")).GetProperty("compared").GetInt64() >= 1,
            Bound, "the first sample being compared");

        for (var i = 1; i < Samples; i++)
        {
            Assert.Equal("domain", (await client.GetAsync("/api/v1/cameras?force_domain=true")).ServedBy());
        }

        JsonElement report = default;
        await AdminApi.EventuallyAsync(async () =>
        {
            report = Report(await reader.GetJsonAsync($"{AdminApi.Prefix}/parity"));
            return report.GetProperty("sampled").GetInt64() >= Samples;
        }, Bound, "every sample being reported");
        Assert.Equal((3L, 1L, 2L), (report.GetProperty("sampled").GetInt64(), report.GetProperty("compared").GetInt64(),
            report.GetProperty("skipped_for_budget").GetInt64()));
    }

    [Fact]
    public async Task AShadowScope_QueriesWithoutParallelWorkers_OnConnectionsNamedAsShadow()
    {
        var scopes = api.Factory.Services.GetRequiredService<IServiceScopeFactory>();

        var (requestWorkers, requestName) = await SettingsAsync(scopes.CreateAsyncScope());
        var (shadowWorkers, shadowName) = await SettingsAsync(ShadowScope.Create(scopes));

        Assert.NotEqual("0", requestWorkers);
        Assert.False(requestName.EndsWith(ShadowDataSource.ApplicationNameSuffix, StringComparison.Ordinal), requestName);
        Assert.Equal("0", shadowWorkers);
        Assert.Equal(requestName.Length > 0 ? requestName + ShadowDataSource.ApplicationNameSuffix : "cameramonitor-shadow", shadowName);
    }

    [Fact]
    public async Task ParityComparisons_RunOnTheShadowPool_NotOnTheRequestsOne()
    {
        // An application name of this host's own, so that only its connections are counted in pg_stat_activity.
        var name = "parity-" + Guid.NewGuid().ToString("N")[..12];
        using var host = Host(_ => { }, ("ConnectionStrings:Postgres", $"{api.ConnectionString};Application Name={name}"));

        await SampleAsync(host, forceDomain: true);

        Assert.True(await api.ConnectionsNamedAsync(name) >= 1, "the requests' pool");
        Assert.True(await api.ConnectionsNamedAsync(name + ShadowDataSource.ApplicationNameSuffix) >= 1,
            "the comparisons' legacy reruns opened no connection of the shadow pool");
    }

    private static async Task<(string ParallelWorkers, string ApplicationName)> SettingsAsync(AsyncServiceScope scope)
    {
        await using (scope)
        {
            var connection = await scope.ServiceProvider.GetRequiredService<IDbSession>().ConnectionAsync(CancellationToken.None);
            return (await connection.ExecuteScalarAsync<string>("SELECT current_setting('max_parallel_workers_per_gather')") ?? "",
                await connection.ExecuteScalarAsync<string>("SELECT current_setting('application_name')") ?? "");
        }
    }

    private WebApplicationFactory<Program> Host(Action<IServiceCollection> services, params (string Key, string Value)[] settings) =>
        api.WithServices(services).WithWebHostBuilder(b =>
        {
            b.UseSetting("Rollout:Endpoints:ListCameras:ParitySampleRate", "100");
            // These tests are about comparisons, not the budget: shadow time that cold comparisons on a busy machine cannot
            // spend (the budget's own tests set theirs, which wins, being set later).
            b.UseSetting("Parity:Budget:ShadowMillisecondsPerSecond", "60000");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    private async Task<JsonElement> SampleAsync(WebApplicationFactory<Program> host, bool forceDomain)
    {
        using var client = host.CreateClient();
        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, host);
        for (var i = 0; i < Samples; i++)
        {
            await client.GetOnPathAsync("/api/v1/cameras", forceDomain);
        }

        JsonElement report = default;
        await AdminApi.EventuallyAsync(async () =>
        {
            report = Report(await reader.GetJsonAsync($"{AdminApi.Prefix}/parity"));
            return report.GetProperty("compared").GetInt64() >= Samples;
        }, Bound, "the parity samples being compared");
        Assert.Equal(Samples, report.GetProperty("compared").GetInt64());
        return report;
    }

    private static JsonElement Report(JsonElement parity) =>
        parity.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == Endpoint);

    private static JsonElement Metrics(JsonElement metrics) =>
        metrics.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == Endpoint);

    private sealed class BlockingLegacy(Task release) : ILegacyHandler<ListCamerasQuery, ListCamerasResponse>
    {
        public async Task<ListCamerasResponse> Handle(ListCamerasQuery request, CancellationToken cancellationToken)
        {
            await release.WaitAsync(cancellationToken);
            return new ListCamerasResponse([], 0);
        }
    }
}

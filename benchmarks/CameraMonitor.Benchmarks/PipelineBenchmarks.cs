using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Summary;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Benchmarks;

/// <summary>
/// One request as the API sends it — a DI scope as the API's middleware leaves it (request context filled, served-by
/// resolved: the middleware does both for every route) and one MediatR send — through the whole pipeline (validation,
/// parity sampling configured but not drawing, routing, metrics, tracing; dark launch and the transaction are
/// commands' only) against a bare MediatR send of the same no-I/O handler in the same kind of scope. Both run inside a
/// recorded server span, as every API request does (ASP.NET Core's, with tracing on): the routing tags that span.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const string Endpoint = "GetStatisticsSummary";
    private static readonly GetStatisticsSummaryQuery Query = new("24h");
    private static readonly string[] ClientKeys = Enumerable.Range(0, 1024).Select(i => $"client-{i}").ToArray();

    private ServiceProvider _pipeline = null!;
    private ServiceProvider _bare = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = BenchmarkHost.Pipeline(BenchmarkHost.Configuration(new Dictionary<string, string?>
        {
            [$"Rollout:Endpoints:{Endpoint}:Percentage"] = "50",
            // Configured but not drawing: the sampling checks run, nothing is queued.
            [$"Rollout:Endpoints:{Endpoint}:ParitySampleRate"] = "0",
        }));
        _bare = BenchmarkHost.Bare();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.Dispose();
        _bare.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare MediatR send")]
    public Task<StatisticsSummaryResponse> Bare() => SendAsync(_bare, ClientKeys[0], forceDomain: true);

    [Benchmark(Description = "handler from the scope, no MediatR (the bare HTTP route)")]
    public Task<StatisticsSummaryResponse> Direct() => InRequestAsync(_bare, ClientKeys[0], forceDomain: null, static scope =>
        scope.GetRequiredService<IRequestHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>>().Handle(Query, CancellationToken.None));

    [Benchmark(Description = "pipeline, force_domain")]
    public Task<StatisticsSummaryResponse> ForceDomain() => SendAsync(_pipeline, ClientKeys[0], forceDomain: true);

    [Benchmark(Description = "pipeline, sticky percentage")]
    public Task<StatisticsSummaryResponse> StickyPercentage() =>
        SendAsync(_pipeline, ClientKeys[_next = (_next + 1) & (ClientKeys.Length - 1)], forceDomain: null);

    private static Task<StatisticsSummaryResponse> SendAsync(ServiceProvider services, string clientKey, bool? forceDomain) =>
        InRequestAsync(services, clientKey, forceDomain, static scope => scope.GetRequiredService<IMediator>().Send(Query));

    /// <summary>One request's set-up as the API's middleware leaves it, then <paramref name="answer"/> in its scope.</summary>
    private static async Task<StatisticsSummaryResponse> InRequestAsync(ServiceProvider services, string clientKey, bool? forceDomain,
        Func<IServiceProvider, Task<StatisticsSummaryResponse>> answer)
    {
        using var request = BenchmarkHost.RequestSpans.StartActivity(BenchmarkHost.RequestSpanName, ActivityKind.Server);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.ClientKey = clientKey;
        context.ForceDomain = forceDomain;
        _ = scope.ServiceProvider.GetRequiredService<ServedBy>();
        return await answer(scope.ServiceProvider);
    }
}

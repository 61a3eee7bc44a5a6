using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CameraMonitor.Application.Rollout.Plans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Delivers the queued plan events one at a time, in the order they happened on this instance: a POST of the JSON
/// body with its HMAC signature, retried with exponential backoff (Polly) on network errors, timeouts, 408, 429 and
/// 5xx. Each event's outcome (delivered or failed, attempts, last status or error) is stored for the plan's report.
/// </summary>
public sealed class PlanWebhookDispatcher(
    PlanWebhookQueue queue,
    IRolloutPlanStore store,
    IOptions<PlanWebhookOptions> options,
    TimeProvider clock,
    ILogger<PlanWebhookDispatcher> logger) : BackgroundService
{
    public const string JsonMediaType = "application/json";

    private static readonly ResiliencePropertyKey<int> AttemptKey = new("attempt");

    // A client of its own: receivers are few and long-lived, and pooled connections are renewed every few minutes.
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds),
    };

    private readonly ResiliencePipeline<HttpResponseMessage> _retry = new ResiliencePipelineBuilder<HttpResponseMessage>
    {
        // Backoff runs on real time even when the application clock is a test's fake one.
        TimeProvider = TimeProvider.System,
    }.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
    {
        MaxRetryAttempts = Math.Max(0, options.Value.MaxAttempts - 1),
        BackoffType = DelayBackoffType.Exponential,
        Delay = TimeSpan.FromSeconds(options.Value.FirstRetryDelaySeconds),
        UseJitter = false,
        ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TaskCanceledException>()
            .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
    }).Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                var delivery = await DeliverAsync(message, stoppingToken);
                try
                {
                    await store.RecordDeliveryAsync(message.PlanId, delivery, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Could not record the webhook delivery of event {EventId}", message.EventId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async Task<WebhookDelivery> DeliverAsync(PlanWebhookMessage message, CancellationToken stoppingToken)
    {
        var context = ResilienceContextPool.Shared.Get(stoppingToken);
        int? status = null;
        string? error = null;
        try
        {
            using var response = await _retry.ExecuteAsync(async ctx =>
            {
                var attempt = ctx.Properties.GetValue(AttemptKey, 0) + 1;
                ctx.Properties.Set(AttemptKey, attempt);
                return await _http.SendAsync(Request(message), ctx.CancellationToken);
            }, context);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            error = exception.Message;
        }

        var attempts = context.Properties.GetValue(AttemptKey, 1);
        ResilienceContextPool.Shared.Return(context);
        var delivered = error is null;
        logger.Log(delivered ? LogLevel.Debug : LogLevel.Warning, "Webhook event {Event} {EventId} of rollout plan {PlanId} to {Url}: {Outcome} after {Attempts} attempt(s)",
            message.Event, message.EventId, message.PlanId, message.Url, delivered ? "delivered" : error, attempts);
        return new WebhookDelivery(message.EventId, message.Event, message.Url, clock.GetUtcNow().UtcDateTime, attempts, delivered, status, error);
    }

    private HttpRequestMessage Request(PlanWebhookMessage message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, message.Url) { Content = new ByteArrayContent(message.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        request.Headers.Add(PlanWebhookSignature.EventHeader, message.Event);
        request.Headers.Add(PlanWebhookSignature.TimestampHeader,
            clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(message.Secret))
        {
            request.Headers.Add(PlanWebhookSignature.Header, PlanWebhookSignature.Sign(message.Secret, message.Body));
        }

        return request;
    }
}

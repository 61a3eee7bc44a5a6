using System.Text.Json;
using System.Threading.Channels;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// The plans' events, queued for <see cref="PlanWebhookDispatcher"/>: bounded, and publishing never waits (a full
/// queue drops the event with a warning), so neither the evaluation nor an operator's call is slowed by a receiver.
/// </summary>
public sealed class PlanWebhookQueue(IOptions<PlanWebhookOptions> options, TimeProvider clock, ILogger<PlanWebhookQueue> logger) : IPlanEvents
{
    private readonly Channel<PlanWebhookMessage> _channel = Channel.CreateBounded<PlanWebhookMessage>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private long _dropped;

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal ChannelReader<PlanWebhookMessage> Reader => _channel.Reader;

    public void Publish(RolloutPlan plan, string type, string actor, string? reason)
    {
        var url = plan.WebhookUrl ?? options.Value.Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        var secret = plan.WebhookUrl is null ? options.Value.Secret : plan.WebhookSecret;
        var id = Guid.NewGuid();
        var payload = new PlanWebhookPayload(id, type, clock.GetUtcNow().UtcDateTime, actor, reason, PlanWebhookPlan.Of(plan),
            type is PlanEventTypes.Started or PlanEventTypes.Paused or PlanEventTypes.Resumed or PlanEventTypes.Aborted or PlanEventTypes.Cancelled
                ? null
                : plan.LastEvaluation);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, RolloutJson.Options);
        if (!_channel.Writer.TryWrite(new PlanWebhookMessage(plan.Id, id, type, url, secret, body)))
        {
            Interlocked.Increment(ref _dropped);
            logger.LogWarning("Webhook event {Event} of rollout plan {PlanId} dropped: the queue of {Capacity} is full", type, plan.Id,
                options.Value.QueueCapacity);
        }
    }
}

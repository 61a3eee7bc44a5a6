using System.Threading.Channels;
using CameraMonitor.Application.Rollout.Evidence;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// The bounded queue between sampled requests and the parity workers, behind the parity budget. Enqueueing never
/// waits: when the queue is full the sample is dropped and counted (DropWrite semantics, with the drop made visible).
/// </summary>
public sealed class ParityQueue(IOptions<ParityOptions> options, RolloutMetrics metrics, TimeProvider? clock = null)
{
    private readonly Channel<IParityWork> _channel = Channel.CreateBounded<IParityWork>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait, // only TryWrite is used, so "wait" means "refuse": see TryEnqueue
            SingleReader = options.Value.Budget.MaxWorkers == 1,
        });

    /// <summary>Parity:Budget, shared by every endpoint of this instance.</summary>
    public ShadowBudget Budget { get; } = new(options.Value.Budget, clock ?? TimeProvider.System);

    /// <summary>How many workers drain the queue at once (Parity:Budget:MaxWorkers).</summary>
    public int Workers => options.Value.Budget.MaxWorkers;

    public ChannelReader<IParityWork> Reader => _channel.Reader;

    /// <summary>Counts a drawn sample and takes its token; false (counted as skipped for budget) when the bucket is empty.</summary>
    public bool TryTakeBudget(string endpoint)
    {
        var taken = Budget.TryTake();
        metrics.RecordParitySampled(endpoint, skippedForBudget: !taken);
        return taken;
    }

    public bool TryEnqueue(IParityWork work)
    {
        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }

        metrics.RecordDroppedSample(work.Endpoint);
        return false;
    }
}

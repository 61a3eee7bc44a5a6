using System.Threading.Channels;
using CameraMonitor.Application.Rollout.Evidence;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// The bounded queue between sampled requests and the parity worker. Enqueueing never waits: when the
/// queue is full the sample is dropped and counted (DropWrite semantics, with the drop made visible).
/// </summary>
public sealed class ParityQueue(IOptions<ParityOptions> options, RolloutMetrics metrics)
{
    private readonly Channel<IParityWork> _channel = Channel.CreateBounded<IParityWork>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait, // only TryWrite is used, so "wait" means "refuse": see TryEnqueue
            SingleReader = true,
        });

    public ChannelReader<IParityWork> Reader => _channel.Reader;

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

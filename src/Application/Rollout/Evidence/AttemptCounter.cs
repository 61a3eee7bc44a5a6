using System.Runtime.InteropServices;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// One endpoint × path × routing group's attempts in <see cref="EvidenceRecorder"/>: the counts since the last drain
/// (with their latencies), and this process's lifetime totals, never drained, which the OpenTelemetry request and error
/// counters observe. Recording is a few interlocked increments: no lock, no allocation.
/// </summary>
/// <remarks>
/// The counts are kept in one stripe per processor (up to <see cref="MaxStripes"/>), each on cache lines of its own, and
/// summed when read. Every request of an endpoint records here, from whichever core serves it: with one shared set of
/// counters, each increment would first have to pull the cache line over from the core that wrote it last, and on the
/// hot path those misses were a large part of what recording cost (docs/performance.md, "Hot path", sixth round).
/// </remarks>
public sealed class AttemptCounter
{
    public const int MaxStripes = 16;

    private readonly StripeCounts[] _counts;
    private readonly LatencyHistogram[] _latency;
    private readonly int _mask;

    public AttemptCounter()
    {
        var stripes = (int)Math.Min(MaxStripes, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount));
        _mask = stripes - 1;
        _counts = new StripeCounts[stripes];
        _latency = new LatencyHistogram[stripes];
        for (var i = 0; i < stripes; i++)
        {
            _latency[i] = new LatencyHistogram();
        }
    }

    public void Record(double milliseconds, bool failed)
    {
        // The processor id is a hint (a thread may move right after reading it): it picks a stripe, the increments stay atomic.
        var stripe = Thread.GetCurrentProcessorId() & _mask;
        ref var counts = ref _counts[stripe];
        Interlocked.Increment(ref counts.Requests);
        Interlocked.Increment(ref counts.TotalRequests);
        if (failed)
        {
            Interlocked.Increment(ref counts.Failures);
            Interlocked.Increment(ref counts.TotalFailures);
        }

        _latency[stripe].Record(milliseconds);
    }

    /// <summary>
    /// Takes the counts since the previous drain and resets them, stripe by stripe: an attempt recorded meanwhile lands in
    /// this drain or the next, never in none or both.
    /// </summary>
    public (long Requests, long Failures, LatencyHistogram Latency) Drain()
    {
        long requests = 0, failures = 0;
        var latency = new LatencyHistogram();
        for (var i = 0; i < _counts.Length; i++)
        {
            requests += Interlocked.Exchange(ref _counts[i].Requests, 0);
            failures += Interlocked.Exchange(ref _counts[i].Failures, 0);
            latency.Add(_latency[i].Drain());
        }

        return (requests, failures, latency);
    }

    /// <summary>Attempts and failures since the process started.</summary>
    public (long Requests, long Failures) Totals()
    {
        long requests = 0, failures = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            requests += Interlocked.Read(ref _counts[i].TotalRequests);
            failures += Interlocked.Read(ref _counts[i].TotalFailures);
        }

        return (requests, failures);
    }

    /// <summary>One stripe's counts, alone on their cache line: 64 bytes of padding before them, 32 after (128 in all).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct StripeCounts
    {
        [FieldOffset(64)]
        public long Requests;

        [FieldOffset(72)]
        public long Failures;

        [FieldOffset(80)]
        public long TotalRequests;

        [FieldOffset(88)]
        public long TotalFailures;
    }
}

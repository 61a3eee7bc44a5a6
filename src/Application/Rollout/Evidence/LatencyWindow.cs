namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// The last <see cref="Capacity"/> latencies of one endpoint × path (a ring buffer): the percentiles of the
/// metrics API are computed over it, so they describe recent traffic and the memory stays bounded.
/// </summary>
public sealed class LatencyWindow(int capacity)
{
    private readonly double[] _samples = new double[capacity];
    private readonly Lock _lock = new();
    private long _count;

    public int Capacity => _samples.Length;

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _samples[_count % _samples.Length] = milliseconds;
            _count++;
        }
    }

    /// <summary>How many samples were ever added (the window keeps the latest <see cref="Capacity"/>).</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>The samples in the window, sorted ascending.</summary>
    public double[] Sorted() => SortedSince(0);

    /// <summary>
    /// The samples added after the first <paramref name="count"/> ones (as far as the window still holds them),
    /// sorted ascending: the latencies since a <see cref="Count"/> read earlier.
    /// </summary>
    public double[] SortedSince(long count)
    {
        double[] copy;
        lock (_lock)
        {
            var n = (int)Math.Min(Math.Max(_count - count, 0), _samples.Length);
            copy = new double[n];
            for (var i = 0; i < n; i++)
            {
                copy[i] = _samples[(_count - n + i) % _samples.Length];
            }
        }

        Array.Sort(copy);
        return copy;
    }

    /// <summary>Nearest-rank percentile (0–100) of sorted samples; null when there are none.</summary>
    public static double? Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

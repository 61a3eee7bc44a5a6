namespace CameraMonitor.Application.Common.Telemetry;

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

    /// <summary>The samples in the window, sorted ascending.</summary>
    public double[] Sorted()
    {
        double[] copy;
        lock (_lock)
        {
            copy = _samples[..(int)Math.Min(_count, _samples.Length)];
        }

        Array.Sort(copy);
        return copy;
    }

    /// <summary>Nearest-rank percentile (0–100) of sorted samples; null when there are none.</summary>
    public static double? Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

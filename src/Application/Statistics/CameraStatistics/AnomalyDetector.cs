using System.Globalization;
using CameraMonitor.Application.Statistics.Common;

namespace CameraMonitor.Application.Statistics.CameraStatistics;

/// <summary>Pure anomaly rules, shared by both paths so they can only differ in the numbers they are fed.</summary>
public static class AnomalyDetector
{
    public const string NoDetections = "no_detections";
    public const string ViolationSpike = "violation_spike";

    /// <summary>Every hour above mean + this many standard deviations of the window's hours is a spike.</summary>
    public const double SpikeSigmas = 3;

    public static IEnumerable<AnomalyDto> Gaps(IEnumerable<DetectionGap> gaps) => gaps.Select(gap => new AnomalyDto(
        NoDetections, gap.GapStart, gap.GapEnd,
        string.Create(CultureInfo.InvariantCulture,
            $"No detections for {Math.Round((gap.GapEnd - gap.GapStart).TotalMinutes, 1)} minutes.")));

    /// <summary>
    /// The last hour of the window against mean + 3σ (population) of all its hourly counts, quiet hours
    /// counted as zero. A flat series (σ = 0) is never a spike.
    /// </summary>
    public static AnomalyDto? Spike(HourWindow window, IEnumerable<ViolationCountByTime> hourly)
    {
        var byHour = hourly.GroupBy(h => h.Bucket).ToDictionary(g => g.Key, g => g.Sum(h => h.ViolationCount));
        var counts = window.Hours().Select(hour => (double)byHour.GetValueOrDefault(hour)).ToList();
        if (counts.Count < 2)
        {
            return null;
        }

        var mean = counts.Average();
        var sigma = Math.Sqrt(counts.Average(c => (c - mean) * (c - mean)));
        var threshold = Math.Round(mean + SpikeSigmas * sigma, 4, MidpointRounding.AwayFromZero);
        var last = counts[^1];
        if (sigma == 0 || last <= threshold)
        {
            return null;
        }

        var lastHour = window.End.AddHours(-1);
        return new AnomalyDto(ViolationSpike, lastHour, window.End,
            string.Create(CultureInfo.InvariantCulture,
                $"{last} violations in the last hour, above mean + {SpikeSigmas}σ ({threshold}) of the window's hours."),
            (long)last, threshold);
    }
}

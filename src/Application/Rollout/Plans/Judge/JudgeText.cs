using System.Globalization;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>Number formatting of the judge's reasons: invariant culture, rounded for reading.</summary>
internal static class JudgeText
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static double Percent(long part, long whole) => whole == 0 ? 0 : Round(100.0 * part / whole);

    public static double Round(double value) => Math.Round(value, 2);

    public static double Ms(double value) => Math.Round(value, 1);

    public static double Probability(double value) => Math.Round(value, 3);
}

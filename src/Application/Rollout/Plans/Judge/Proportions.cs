using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>
/// The statistics of failure counts. Rates get a beta-binomial posterior with the Jeffreys prior Beta(½, ½): with
/// f failures in n attempts the rate is Beta(f + ½, n − f + ½). It is well defined at f = 0 (a zero-error legacy
/// still has an uncertain, non-zero rate, so it cannot hide a failing domain path as a ratio would) and at small n
/// (one failure in one attempt leaves a wide posterior; the checks' minimum sample counts keep it from deciding).
/// The comparison with legacy is Wald's sequential probability ratio test, built for being looked at again and again.
/// </summary>
internal static class Proportions
{
    /// <summary>Posterior probability that the rate behind <paramref name="failures"/> of <paramref name="trials"/> exceeds <paramref name="threshold"/>.</summary>
    public static double ProbabilityAbove(long failures, long trials, double threshold) =>
        Survival(failures + 0.5, trials - failures + 0.5, threshold);

    /// <summary>
    /// Wald's sequential probability ratio: the log-likelihood ratio of "the rate is <paramref name="alternative"/>"
    /// against "the rate is <paramref name="baseline"/>" for <paramref name="failures"/> of <paramref name="trials"/>.
    /// Under the baseline it is a martingale of the likelihood ratio, so by Ville's inequality the chance that it
    /// ever reaches ln(1/α), however often it is looked at, is at most α.
    /// </summary>
    public static double LogLikelihoodRatio(long failures, long trials, double baseline, double alternative) =>
        failures * Math.Log(alternative / baseline) + (trials - failures) * Math.Log((1 - alternative) / (1 - baseline));

    /// <summary>The one-sided standard normal quantile of a confidence (0.99 → 2.326).</summary>
    public static double Z(double confidence) => Normal.InvCDF(0, 1, confidence);

    /// <summary>Wilson score upper bound of a proportion (one-sided, at <paramref name="confidence"/>); 1 without trials.</summary>
    public static double WilsonUpper(long count, long trials, double confidence)
    {
        if (trials == 0)
        {
            return 1;
        }

        var z = Z(confidence);
        var n = (double)trials;
        var p = count / n;
        var centre = p + z * z / (2 * n);
        var spread = z * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return Math.Min(1, (centre + spread) / (1 + z * z / n));
    }

    private static double Cdf(double a, double b, double x) => x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(a, b, x);

    private static double Survival(double a, double b, double x) => 1 - Cdf(a, b, x);
}

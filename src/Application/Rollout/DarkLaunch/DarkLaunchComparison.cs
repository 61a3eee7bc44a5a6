using CameraMonitor.Application.Rollout.Parity;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>The response and row differences of one sample (domain side left, legacy side right).</summary>
public sealed record DarkLaunchComparison(IReadOnlyList<FieldDifference> ResponseDifferences, IReadOnlyList<FieldDifference> RowDifferences)
{
    public bool Matched => ResponseDifferences.Count == 0 && RowDifferences.Count == 0;

    public static DarkLaunchComparison Of(DarkLaunchOutcome domain, DarkLaunchOutcome legacy, IReadOnlyList<string> ignoredFields)
    {
        var rules = new ParityRules(ignoredFields, []);
        return new DarkLaunchComparison(
            JsonResponseComparer.Compare(domain.Response, legacy.Response, rules),
            WriteSetComparer.Compare(domain.Writes, legacy.Writes, rules));
    }
}

using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>How one endpoint's responses are compared: fields to ignore, arrays to compare as sets.</summary>
public sealed record ParityRules(IReadOnlyList<string> IgnoredFields, IReadOnlyList<string> UnorderedArrays)
{
    public static ParityRules Of(EffectiveEndpointRollout rollout) => new(rollout.IgnoredFieldList, rollout.UnorderedArrayList);

    /// <summary>"uptime" ignores that field name anywhere; "cameras[*].uptime" only that path.</summary>
    public bool Ignores(string field) => IgnoredFields.Any(rule => field == rule || field.EndsWith("." + rule, StringComparison.Ordinal));

    public bool IsUnordered(string field) => UnorderedArrays.Contains(field);
}

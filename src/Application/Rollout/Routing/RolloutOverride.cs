using System.Text.Json.Serialization;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// The run-time settings of one endpoint (a row of rollout_overrides). A null member is not overridden and
/// inherits the configured value.
/// </summary>
public sealed record RolloutOverride(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Percentage = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Allow = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Deny = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ParitySampleRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? IgnoredFields = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? UnorderedArrays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DarkLaunchSampleRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? DarkLaunchIgnoredFields = null)
{
    [JsonIgnore]
    public bool IsEmpty => Percentage is null && Allow is null && Deny is null && ParitySampleRate is null
        && IgnoredFields is null && UnorderedArrays is null && DarkLaunchSampleRate is null && DarkLaunchIgnoredFields is null;

    /// <summary>This override with every member <paramref name="patch"/> sets replaced (a partial update).</summary>
    public RolloutOverride With(RolloutOverride patch) => new(
        patch.Percentage ?? Percentage,
        patch.Allow ?? Allow,
        patch.Deny ?? Deny,
        patch.ParitySampleRate ?? ParitySampleRate,
        patch.IgnoredFields ?? IgnoredFields,
        patch.UnorderedArrays ?? UnorderedArrays,
        patch.DarkLaunchSampleRate ?? DarkLaunchSampleRate,
        patch.DarkLaunchIgnoredFields ?? DarkLaunchIgnoredFields);

    /// <summary>The configured values with this override laid over them, each value naming its source.</summary>
    public EffectiveEndpointRollout ApplyTo(EffectiveEndpointRollout configured)
    {
        var sources = new Dictionary<string, string>(configured.Sources ?? new Dictionary<string, string>());
        foreach (var (field, set) in new[]
                 {
                     (RolloutFieldNames.Percentage, Percentage is not null),
                     (RolloutFieldNames.Allow, Allow is not null),
                     (RolloutFieldNames.Deny, Deny is not null),
                     (RolloutFieldNames.ParitySampleRate, ParitySampleRate is not null),
                     (RolloutFieldNames.IgnoredFields, IgnoredFields is not null),
                     (RolloutFieldNames.UnorderedArrays, UnorderedArrays is not null),
                     (RolloutFieldNames.DarkLaunchSampleRate, DarkLaunchSampleRate is not null),
                     (RolloutFieldNames.DarkLaunchIgnoredFields, DarkLaunchIgnoredFields is not null),
                 })
        {
            if (set)
            {
                sources[field] = RolloutSources.Override;
            }
        }

        return configured with
        {
            Percentage = Percentage ?? configured.Percentage,
            PercentageSource = Percentage is null ? configured.PercentageSource : RolloutSources.Override,
            Allow = Allow ?? configured.Allow,
            Deny = Deny ?? configured.Deny,
            ParitySampleRate = ParitySampleRate ?? configured.ParitySampleRate,
            IgnoredFields = IgnoredFields ?? configured.IgnoredFieldList,
            UnorderedArrays = UnorderedArrays ?? configured.UnorderedArrayList,
            DarkLaunchSampleRate = DarkLaunchSampleRate ?? configured.DarkLaunchSampleRate,
            DarkLaunchIgnoredFields = DarkLaunchIgnoredFields ?? configured.DarkLaunchIgnoredFieldList,
            Sources = sources,
        };
    }
}

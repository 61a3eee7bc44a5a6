namespace CameraMonitor.Application.Common.Rollout;

/// <summary>What is in force for one endpoint right now, and where the percentage came from.</summary>
/// <param name="PercentageSource">"endpoint" (per-endpoint setting), "default" (Rollout:DefaultPercentage / ROLLOUT_PERCENT) or "none" (0).</param>
public sealed record EffectiveEndpointRollout(
    string Endpoint,
    double Percentage,
    string PercentageSource,
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Deny);

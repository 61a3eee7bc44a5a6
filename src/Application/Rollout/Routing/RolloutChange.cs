namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>One applied change: the endpoint's override before and after (null: none).</summary>
public sealed record RolloutChange(string Endpoint, RolloutOverride? Old, RolloutOverride? New);

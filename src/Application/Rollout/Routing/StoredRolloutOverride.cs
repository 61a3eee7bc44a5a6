namespace CameraMonitor.Application.Rollout.Routing;

/// <param name="Json">The settings as stored (normalised jsonb text): equal text means equal settings.</param>
public sealed record StoredRolloutOverride(RolloutOverride Override, string Json);

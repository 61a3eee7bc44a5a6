namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>The rollout configuration in force, endpoint by endpoint, as every reader should see it.</summary>
public interface IRolloutState
{
    /// <summary>Changes whenever any effective value changes, so readers can cache per version.</summary>
    long Version { get; }

    bool KillSwitchAllowsDomain { get; }

    EffectiveEndpointRollout Get(string endpoint);

    /// <summary>Every routed endpoint of the application, in name order.</summary>
    IReadOnlyList<EffectiveEndpointRollout> All();
}

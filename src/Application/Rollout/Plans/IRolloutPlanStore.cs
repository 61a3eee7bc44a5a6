namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// Rollout plans in PostgreSQL (rollout_plans). Every percentage a plan sets goes through the override store in
/// the same transaction as the plan row, so it is audited and announced to every instance, or not done at all.
/// </summary>
public interface IRolloutPlanStore
{
    /// <summary>
    /// Stores a new active plan and sets the endpoint to its first step. Throws a ConflictException when the
    /// endpoint already has an active plan.
    /// </summary>
    Task<RolloutPlan> StartAsync(string endpoint, RolloutPlanSettings settings, string actor, string? reason,
        DateTime now, CancellationToken cancellationToken);

    /// <summary>The ids of every active plan.</summary>
    Task<IReadOnlyList<long>> ActiveIdsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Locks the plan if it is still active and no other instance holds it, and stores what
    /// <paramref name="evaluate"/> makes of it (with the percentage it sets, by <paramref name="actor"/>).
    /// Null when the plan is no longer active or another instance is acting on it right now. <paramref name="evaluate"/>
    /// runs while the plan's row is locked (it reads the cluster's evidence on a connection of its own).
    /// </summary>
    Task<RolloutPlan?> TryUpdateAsync(long id, Func<RolloutPlan, Task<PlanUpdate>> evaluate, string actor,
        CancellationToken cancellationToken);

    /// <summary>Ends the endpoint's active plan as cancelled (the percentage stays); null when it has none.</summary>
    Task<RolloutPlan?> CancelAsync(string endpoint, string actor, string? reason, DateTime now, CancellationToken cancellationToken);

    /// <summary>The endpoint's active plan, else its latest one; null when it never had one.</summary>
    Task<RolloutPlan?> LatestAsync(string endpoint, CancellationToken cancellationToken);

    /// <summary>Plans newest first.</summary>
    Task<IReadOnlyList<RolloutPlan>> ListAsync(int limit, CancellationToken cancellationToken);
}

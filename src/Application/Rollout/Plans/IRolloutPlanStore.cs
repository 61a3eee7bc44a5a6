namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// Rollout plans in PostgreSQL (rollout_plans). Every percentage a plan sets goes through the override store in
/// the same transaction as the plan row, so it is audited and announced to every instance, or not done at all.
/// </summary>
public interface IRolloutPlanStore
{
    /// <summary>
    /// Stores a new active plan and sets the endpoint to its first step (a dry-run plan leaves the percentage).
    /// Throws a ConflictException when the endpoint already has an open plan.
    /// </summary>
    Task<RolloutPlan> StartAsync(string endpoint, RolloutPlanSettings settings, string actor, string? reason,
        string? webhookUrl, string? webhookSecret, DateTime now, CancellationToken cancellationToken);

    /// <summary>The ids of every active plan (paused ones are not judged).</summary>
    Task<IReadOnlyList<long>> ActiveIdsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Locks the plan if it is still active and no other instance holds it, and stores what
    /// <paramref name="evaluate"/> makes of it (with the percentage it sets, by <paramref name="actor"/>; the
    /// evaluation goes to the bounded verdict history when it says something new).
    /// Null when the plan is no longer active or another instance is acting on it right now. <paramref name="evaluate"/>
    /// runs while the plan's row is locked (it reads the cluster's evidence on a connection of its own).
    /// </summary>
    Task<RolloutPlan?> TryUpdateAsync(long id, Func<RolloutPlan, Task<PlanUpdate>> evaluate, string actor,
        CancellationToken cancellationToken);

    /// <summary>
    /// Applies an operator verb to the endpoint's open plan under its row lock, with the percentage it sets and an
    /// audit row (who, when, old and new position). Null when the endpoint has no open plan; the verb's
    /// ConflictException (wrong state) leaves everything as it was.
    /// </summary>
    Task<RolloutPlan?> ApplyAsync(string endpoint, string verb, Func<RolloutPlan, PlanUpdate> apply, string actor,
        string? reason, CancellationToken cancellationToken);

    /// <summary>The endpoint's open plan, else its latest one, with its recent verdicts, verbs and webhook deliveries; null when it never had one.</summary>
    Task<RolloutPlan?> LatestAsync(string endpoint, CancellationToken cancellationToken);

    /// <summary>Plans newest first.</summary>
    Task<IReadOnlyList<RolloutPlan>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Keeps the outcome of a webhook event's delivery (the latest ones per plan).</summary>
    Task RecordDeliveryAsync(long planId, WebhookDelivery delivery, CancellationToken cancellationToken);
}

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>The run-time overrides (rollout_overrides) and their audit trail (rollout_audit).</summary>
public interface IRolloutOverrideStore
{
    /// <summary>Every endpoint's override, keyed by endpoint name, with the stored JSON to detect changes cheaply.</summary>
    Task<IReadOnlyDictionary<string, StoredRolloutOverride>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the endpoint's override, applies <paramref name="change"/> (null or empty removes it) and writes
    /// it together with its audit row and a change notification, in one transaction: all or nothing.
    /// </summary>
    Task<RolloutChange> ChangeAsync(string endpoint, Func<RolloutOverride?, RolloutOverride?> change, string actor,
        string? reason, CancellationToken cancellationToken);

    /// <summary>The latest audit rows, newest first.</summary>
    Task<IReadOnlyList<RolloutAuditEntry>> AuditAsync(int limit, CancellationToken cancellationToken);
}

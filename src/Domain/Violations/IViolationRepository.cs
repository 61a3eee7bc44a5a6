namespace CameraMonitor.Domain.Violations;

public interface IViolationRepository
{
    Task<Violation?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Newest first (detected_at, then id, descending).</summary>
    Task<IReadOnlyList<Violation>> SearchAsync(ViolationSearch search, CancellationToken cancellationToken);

    /// <summary>How many violations match the filters of <paramref name="search"/> (paging and cursor ignored).</summary>
    Task<long> CountAsync(ViolationSearch search, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the review fields if the row is still at <see cref="Violation.Version"/> (and bumps it), and
    /// applies the aggregate's status changes to the hourly rollups in the same transaction.
    /// </summary>
    /// <returns>false when another writer changed the violation since it was read.</returns>
    Task<bool> UpdateAsync(Violation violation, CancellationToken cancellationToken);
}

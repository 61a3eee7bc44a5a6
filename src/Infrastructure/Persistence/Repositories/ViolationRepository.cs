using CameraMonitor.Domain.Violations;
using CameraMonitor.Infrastructure.Persistence.Statistics;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

public sealed class ViolationRepository(IDbSession session) : IViolationRepository
{
    public async Task<Violation?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ViolationRow>(new CommandDefinition(
            ViolationRows.SelectDto + " WHERE id = @Id", new { Id = id }, session.Transaction,
            cancellationToken: cancellationToken));
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<Violation>> SearchAsync(ViolationSearch search, CancellationToken cancellationToken)
    {
        var (page, _) = ViolationRows.Search(search, ViolationRows.SelectDto);
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ViolationRow>(new CommandDefinition(page.Sql, page.Parameters,
            session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(ToDomain).ToList();
    }

    public async Task<long> CountAsync(ViolationSearch search, CancellationToken cancellationToken)
    {
        var count = ViolationRows.CountFromRollups(search);
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(count.Sql, count.Parameters,
            session.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<bool> UpdateAsync(Violation violation, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(ViolationRows.UpdateReviewSql, new
        {
            violation.Id,
            Status = violation.Status.ToName(),
            HandledAt = violation.HandledAt?.UtcDateTime,
            violation.HandledBy,
            violation.Notes,
            violation.Version,
        }, session.Transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return false;
        }

        if (violation.Events.Count > 0 && violation.Events[0].From != violation.Status)
        {
            await connection.ExecuteAsync(new CommandDefinition(ViolationRollupSql.MoveStatusSql,
                ViolationRollupSql.MoveParameters(violation.CameraId, violation.DetectedAt.UtcDateTime,
                    violation.ViolationType, violation.Confidence, violation.Events[0].From.ToName(),
                    violation.Status.ToName()),
                session.Transaction, cancellationToken: cancellationToken));
        }

        return true;
    }

    private static Violation ToDomain(ViolationRow row) => Violation.Rehydrate(row.Id, row.CameraId, row.DetectionId,
        row.ViolationType, row.Confidence, row.SnapshotPath, ViolationStatusNames.Parse(row.Status),
        new DateTimeOffset(row.DetectedAt, TimeSpan.Zero),
        row.HandledAt is { } handledAt ? new DateTimeOffset(handledAt, TimeSpan.Zero) : null,
        row.HandledBy, row.Notes, row.Version);
}

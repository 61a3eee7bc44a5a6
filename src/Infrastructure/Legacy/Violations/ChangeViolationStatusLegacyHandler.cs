using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Violations;
using CameraMonitor.Application.Violations.ChangeViolationStatus;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Violations;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Infrastructure.Persistence.Statistics;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Violations;

/// <summary>
/// Legacy path: read the row, check the transition table, conditional UPDATE on the version read, move
/// the rollup counts. The rollout behavior runs it in its own transaction.
/// </summary>
public sealed class ChangeViolationStatusLegacyHandler(IDbSession session, TimeProvider clock)
    : ILegacyHandler<ChangeViolationStatusCommand, ChangeViolationStatusResponse>
{
    public async Task<ChangeViolationStatusResponse> Handle(ChangeViolationStatusCommand request,
        CancellationToken cancellationToken)
    {
        var id = ViolationIds.Parse(request.ViolationId);
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ViolationRow>(new CommandDefinition(
                      ViolationRows.SelectDto + " WHERE id = @Id", new { Id = id }, session.Transaction,
                      cancellationToken: cancellationToken))
                  ?? throw new NotFoundException("Violation", request.ViolationId);
        VersionPrecondition.Ensure(request.IfMatch, row.Version, "Violation", id);

        var to = request.Status!;
        ViolationTransitions.EnsureAllowed(ViolationStatusNames.Parse(row.Status), ViolationStatusNames.Parse(to));
        var updated = await connection.ExecuteAsync(new CommandDefinition(ViolationRows.UpdateReviewSql, new
        {
            Id = id,
            Status = to,
            HandledAt = clock.UtcNowForStorage().UtcDateTime,
            HandledBy = request.HandledBy ?? row.HandledBy,
            Notes = request.Notes ?? row.Notes,
            row.Version,
        }, session.Transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw ViolationConflicts.Changed(id, request.IfMatch);
        }

        if (row.Status != to)
        {
            await connection.ExecuteAsync(new CommandDefinition(ViolationRollupSql.MoveStatusSql,
                ViolationRollupSql.MoveParameters(row.CameraId, row.DetectedAt, row.ViolationType, row.Confidence,
                    row.Status, to),
                session.Transaction, cancellationToken: cancellationToken));
        }

        return new ChangeViolationStatusResponse(true, id, to);
    }
}

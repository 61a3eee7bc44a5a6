using CameraMonitor.Application.Rollout.Parity;
using Dapper;
using Npgsql;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The latest parity diffs per endpoint in rollout_parity_diffs, trimmed to the newest few on every write.</summary>
public sealed class PostgresParityDiffStore(NpgsqlDataSource dataSource) : IParityDiffStore
{
    public async Task SaveAsync(string endpoint, IReadOnlyList<ParityDiff> diffs, int keep, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RolloutSql.InsertParityDiff, diffs.Select(d => new
        {
            Endpoint = endpoint,
            d.ObservedAt,
            d.Path,
            d.DomainValue,
            d.LegacyValue,
        }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(RolloutSql.TrimParityDiffs, new { Endpoint = endpoint, Keep = keep },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ParityDiff>> RecentAsync(string endpoint, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Path, string? DomainValue, string? LegacyValue, DateTime ObservedAt)>(
            new CommandDefinition(RolloutSql.SelectParityDiffs, new { Endpoint = endpoint, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new ParityDiff(r.Path, r.DomainValue, r.LegacyValue, DateTime.SpecifyKind(r.ObservedAt, DateTimeKind.Utc)))
            .ToList();
    }
}

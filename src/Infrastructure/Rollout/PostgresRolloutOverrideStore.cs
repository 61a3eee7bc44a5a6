using System.Text.Json;
using CameraMonitor.Application.Rollout.Routing;
using Dapper;
using Npgsql;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Run-time overrides in rollout_overrides. A change, its audit row and its NOTIFY share one transaction on
/// a connection of its own (not the request's), so a failed audit insert leaves the override untouched and
/// other instances hear of the change only once it is committed.
/// </summary>
public sealed class PostgresRolloutOverrideStore(NpgsqlDataSource dataSource, TimeProvider clock) : IRolloutOverrideStore
{
    public async Task<IReadOnlyDictionary<string, StoredRolloutOverride>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Endpoint, string Settings)>(
            new CommandDefinition(RolloutSql.LoadOverrides, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Endpoint, r => new StoredRolloutOverride(Parse(r.Settings)!, r.Settings),
            StringComparer.OrdinalIgnoreCase);
    }

    public async Task<RolloutChange> ChangeAsync(string endpoint, Func<RolloutOverride?, RolloutOverride?> change,
        string actor, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await ChangeAsync(transaction, endpoint, change, actor, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>
    /// The same change inside a transaction the caller owns and commits (a rollout plan moves its row in it too);
    /// the notification goes out only when that transaction commits.
    /// </summary>
    public async Task<RolloutChange> ChangeAsync(NpgsqlTransaction transaction, string endpoint,
        Func<RolloutOverride?, RolloutOverride?> change, string actor, string? reason, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var key = new { Endpoint = endpoint };
        await connection.ExecuteAsync(new CommandDefinition(RolloutSql.LockEndpoint, key, transaction, cancellationToken: cancellationToken));
        var old = Parse(await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(RolloutSql.SelectOverride, key, transaction, cancellationToken: cancellationToken)));
        var updated = change(old);
        if (updated is { IsEmpty: true })
        {
            updated = null;
        }

        var changedAt = clock.GetUtcNow().UtcDateTime;
        var settings = Serialize(updated);
        await connection.ExecuteAsync(new CommandDefinition(updated is null ? RolloutSql.DeleteOverride : RolloutSql.UpsertOverride,
            new { Endpoint = endpoint, Settings = settings, ChangedAt = changedAt, Actor = actor }, transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(RolloutSql.InsertAudit,
            new { Endpoint = endpoint, ChangedAt = changedAt, Actor = actor, Old = Serialize(old), New = settings, Reason = reason },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(RolloutSql.Notify, key, transaction, cancellationToken: cancellationToken));
        return new RolloutChange(endpoint, old, updated);
    }

    public async Task<IReadOnlyList<RolloutAuditEntry>> AuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(
            new CommandDefinition(RolloutSql.SelectAudit, new { Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new RolloutAuditEntry(r.Id, r.Endpoint, DateTime.SpecifyKind(r.ChangedAt, DateTimeKind.Utc),
            r.ChangedBy, Parse(r.OldValue), Parse(r.NewValue), r.Reason)).ToList();
    }

    private static RolloutOverride? Parse(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<RolloutOverride>(json, RolloutJson.Options);

    private static string? Serialize(RolloutOverride? value) =>
        value is null ? null : JsonSerializer.Serialize(value, RolloutJson.Options);

    private sealed record AuditRow(long Id, string Endpoint, DateTime ChangedAt, string ChangedBy, string? OldValue,
        string? NewValue, string? Reason);
}

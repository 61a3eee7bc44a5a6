using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Idempotency;
using Npgsql;
using NpgsqlTypes;

namespace CameraMonitor.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Idempotency keys in <c>idempotency_keys</c>, written in the command's transaction. The primary key
/// arbitrates concurrent duplicates: INSERT … ON CONFLICT DO NOTHING waits for the transaction holding the
/// key, then either finds its committed answer or (after a rollback) takes the key itself.
/// </summary>
public sealed class IdempotencyStore(IDbSession session) : IIdempotencyStore
{
    private const string ClaimSql = """
        INSERT INTO idempotency_keys (endpoint, key, created_at, request_hash) VALUES (@endpoint, @key, @now, @hash)
        ON CONFLICT (endpoint, key) DO NOTHING
        """;

    private const string AnswerSql =
        "SELECT response::text, request_hash FROM idempotency_keys WHERE endpoint = @endpoint AND key = @key";

    private const string CompleteSql =
        "UPDATE idempotency_keys SET response = @response WHERE endpoint = @endpoint AND key = @key";

    public async Task<string?> ClaimAsync(string endpoint, string key, string requestHash, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var claim = await CommandAsync(ClaimSql, endpoint, key, cancellationToken);
        claim.Parameters.AddWithValue("now", now.UtcDateTime);
        claim.Parameters.AddWithValue("hash", requestHash);
        if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return null;
        }

        await using var answer = await CommandAsync(AnswerSql, endpoint, key, cancellationToken);
        await using var reader = await answer.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetString(1) != requestHash)
        {
            throw new ConflictException(
                $"This {IIdempotentCommand.HeaderName} was already used for a different request; use a new key per request.");
        }

        // The key's owner stores its answer in the transaction that claimed it, so a committed key has one.
        return reader.IsDBNull(0)
            ? throw new ConflictException($"A request with this {IIdempotentCommand.HeaderName} has no stored answer.")
            : reader.GetString(0);
    }

    public async Task CompleteAsync(string endpoint, string key, string responseJson, CancellationToken cancellationToken)
    {
        await using var complete = await CommandAsync(CompleteSql, endpoint, key, cancellationToken);
        complete.Parameters.AddWithValue("response", NpgsqlDbType.Jsonb, responseJson);
        await complete.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, string endpoint, string key, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, await session.ConnectionAsync(cancellationToken), session.Transaction);
        command.Parameters.AddWithValue("endpoint", endpoint);
        command.Parameters.AddWithValue("key", key);
        return command;
    }
}

using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Infrastructure.Legacy;

/// <summary>
/// Runs a legacy query (never a command: those own a transaction and their own timing) with PostgreSQL's
/// statement_timeout set on its connection, so a scan over a large table is cancelled (SQLSTATE 57014) instead
/// of holding a core and a connection for as long as it likes. The script itself stays the seed's; the setting
/// is put back before the connection serves anything else.
/// </summary>
public sealed class LegacyStatementTimeout<TRequest, TResponse>(ILegacyHandler<TRequest, TResponse> inner,
    IDbSession session, IOptions<LegacyReadOptions> options) : ILegacyHandler<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken)
    {
        var seconds = options.Value.StatementTimeoutSeconds;
        if (seconds <= 0 || request is not IQuery<TResponse> || session.Transaction is not null)
        {
            return await inner.Handle(request, cancellationToken);
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        await SetAsync(connection, $"{seconds}s", cancellationToken);
        try
        {
            return await inner.Handle(request, cancellationToken);
        }
        finally
        {
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await SetAsync(connection, "0", CancellationToken.None);
            }
        }
    }

    private static async Task SetAsync(NpgsqlConnection connection, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('statement_timeout', @value, false)", connection);
        command.Parameters.AddWithValue("value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using CameraMonitor.Application.SystemInfo;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>Domain path's probe: a pooled connection of its own, independent of any request transaction.</summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource) : IDatabaseProbe
{
    public async Task<DatabaseStatus> PingAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            return await DatabasePing.MeasureAsync(async ct => connection = await dataSource.OpenConnectionAsync(ct),
                cancellationToken);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}

using System.Diagnostics;
using CameraMonitor.Application.SystemInfo;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>Times one <c>SELECT 1</c>; an unreachable database is reported as down, not thrown.</summary>
public static class DatabasePing
{
    public static async Task<DatabaseStatus> MeasureAsync(Func<CancellationToken, ValueTask<NpgsqlConnection>> connect,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var connection = await connect(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return new DatabaseStatus(DatabaseStatus.Up,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new DatabaseStatus(DatabaseStatus.Down, null);
        }
    }
}

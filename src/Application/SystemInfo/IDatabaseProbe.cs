namespace CameraMonitor.Application.SystemInfo;

/// <summary>One round trip to the database; never throws for an unreachable database (that is a status).</summary>
public interface IDatabaseProbe
{
    Task<DatabaseStatus> PingAsync(CancellationToken cancellationToken);
}

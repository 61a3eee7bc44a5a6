namespace CameraMonitor.Infrastructure.Persistence;

public sealed class PersistenceOptions
{
    public const string ConnectionStringName = "Postgres";
}

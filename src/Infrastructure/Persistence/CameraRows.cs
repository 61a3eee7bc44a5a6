namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>The SQL both camera paths read with, so the two agree on columns and order by construction.</summary>
public static class CameraRows
{
    public const string Columns = "id, name, location, source_url, enabled, status, created_at, updated_at, created_by, updated_by";

    public const string SelectColumns = "SELECT " + Columns + " FROM cameras";
}

using CameraMonitor.Application.Cameras;
using CameraMonitor.Domain.Cameras;
using Dapper;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

public sealed class CameraRepository(IDbSession session) : ICameraRepository
{
    private const string InsertSql = $"""
        INSERT INTO cameras ({CameraRows.Columns})
        VALUES (@Id, @Name, @Location, @SourceUrl, @Enabled, @Status, @CreatedAt, @UpdatedAt, @CreatedBy, @UpdatedBy)
        """;

    // With onlyIfUnchanged the row must still be at the version the aggregate was read at (If-Match).
    private const string UpdateSql = """
        UPDATE cameras SET name = @Name, location = @Location, source_url = @SourceUrl, enabled = @Enabled,
                           status = @Status, updated_at = @UpdatedAt, updated_by = @UpdatedBy,
                           version = nextval('camera_versions')
        WHERE id = @Id AND (NOT @OnlyIfUnchanged OR version = @Version)
        """;

    public async Task<IReadOnlyList<Camera>> ListAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CameraRow>(new CommandDefinition(
            CameraRows.SelectColumns, transaction: session.Transaction, cancellationToken: cancellationToken));
        return rows.Select(ToDomain).ToList();
    }

    public async Task<Camera?> FindAsync(CameraId id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CameraRow>(new CommandDefinition(
            CameraRows.SelectColumns + " WHERE id = @Id", new { Id = id.Value }, session.Transaction,
            cancellationToken: cancellationToken));
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlySet<string>> FindMissingAsync(IReadOnlyCollection<CameraId> ids,
        CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var missing = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM unnest(@Ids::text[]) AS given(id) WHERE NOT EXISTS (SELECT 1 FROM cameras c WHERE c.id = given.id)",
            new { Ids = ids.Select(id => id.Value).ToArray() }, session.Transaction, cancellationToken: cancellationToken));
        return missing.ToHashSet(StringComparer.Ordinal);
    }

    public async Task AddAsync(Camera camera, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(InsertSql, ToParameters(camera), cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A concurrent create won the race after our existence check: still the caller's conflict.
            throw CameraErrors.AlreadyExists(camera.Id.Value);
        }
    }

    public async Task<bool> UpdateAsync(Camera camera, bool onlyIfUnchanged, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(ToParameters(camera));
        parameters.Add("OnlyIfUnchanged", onlyIfUnchanged);
        parameters.Add("Version", camera.Version);
        return await ExecuteAsync(UpdateSql, parameters, cancellationToken) > 0;
    }

    public async Task<bool> DeleteAsync(CameraId id, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM cameras WHERE id = @Id", new { Id = id.Value }, cancellationToken) > 0;

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, session.Transaction,
            cancellationToken: cancellationToken));
    }

    private static Camera ToDomain(CameraRow row) => Camera.Rehydrate(row.Id, row.Name, row.Location, row.SourceUrl,
        row.Enabled, CameraStatusNames.Parse(row.Status),
        new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero), row.CreatedBy,
        row.UpdatedBy, row.Version);

    private static object ToParameters(Camera camera) => new
    {
        Id = camera.Id.Value,
        camera.Name,
        camera.Location,
        camera.SourceUrl,
        camera.Enabled,
        Status = camera.Status.ToName(),
        camera.CreatedAt,
        camera.UpdatedAt,
        camera.CreatedBy,
        camera.UpdatedBy,
    };
}

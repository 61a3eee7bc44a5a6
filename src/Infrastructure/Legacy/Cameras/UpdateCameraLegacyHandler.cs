using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.UpdateCamera;
using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Cameras;

/// <summary>
/// Legacy path: the partial update is COALESCE in one UPDATE … RETURNING, conditional on the If-Match versions when
/// there are any; no row back means 404, or 412 when the camera exists at another version.
/// </summary>
public sealed class UpdateCameraLegacyHandler(IDbSession session, IUnitOfWork unitOfWork, ICameraMirror mirror,
    TimeProvider clock) : ILegacyHandler<UpdateCameraCommand, CameraWriteResponse>
{
    private const string Sql = $"""
        UPDATE cameras
           SET name = COALESCE(@Name, name),
               location = COALESCE(@Location, location),
               source_url = COALESCE(@SourceUrl, source_url),
               enabled = COALESCE(@Enabled, enabled),
               status = COALESCE(@Status, status),
               updated_at = @Now,
               updated_by = @Actor,
               version = nextval('camera_versions')
         WHERE id = @CameraId AND (@Versions::bigint[] IS NULL OR version = ANY(@Versions))
        RETURNING {CameraRows.ReadColumns}
        """;

    public async Task<CameraWriteResponse> Handle(UpdateCameraCommand request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new
        {
            request.CameraId,
            Name = request.Name?.Trim(),
            Location = request.Location?.Trim(),
            SourceUrl = request.SourceUrl?.Trim(),
            request.Enabled,
            request.Status,
            Now = clock.UtcNowForStorage(),
            request.Actor,
            Versions = request.IfMatch?.Versions.ToArray(),
        };
        var updated = await connection.QuerySingleOrDefaultAsync<CameraDto>(new CommandDefinition(Sql, parameters,
            session.Transaction, cancellationToken: cancellationToken))
            ?? throw await MissedBecauseAsync(request, connection, cancellationToken);
        unitOfWork.RewriteMirrorAfterCommit(mirror);
        return CameraWriteResponse.Of(updated);
    }

    private async Task<Exception> MissedBecauseAsync(UpdateCameraCommand request, System.Data.IDbConnection connection,
        CancellationToken cancellationToken) =>
        request.IfMatch is not null && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM cameras WHERE id = @CameraId)", new { request.CameraId }, session.Transaction,
            cancellationToken: cancellationToken))
            ? new PreconditionFailedException("Camera", request.CameraId!)
            : CameraErrors.NotFound(request.CameraId!);
}

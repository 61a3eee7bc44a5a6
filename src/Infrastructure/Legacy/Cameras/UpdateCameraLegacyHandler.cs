using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.UpdateCamera;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Cameras;

/// <summary>Legacy path: the partial update is COALESCE in one UPDATE … RETURNING; no row back means 404.</summary>
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
               updated_by = @Actor
         WHERE id = @CameraId
        RETURNING {CameraRows.Columns}
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
        };
        var updated = await connection.QuerySingleOrDefaultAsync<CameraDto>(new CommandDefinition(Sql, parameters,
            session.Transaction, cancellationToken: cancellationToken)) ?? throw CameraErrors.NotFound(request.CameraId!);
        unitOfWork.RewriteMirrorAfterCommit(mirror);
        return CameraWriteResponse.Of(updated);
    }
}

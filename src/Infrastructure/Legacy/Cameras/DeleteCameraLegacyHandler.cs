using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.DeleteCamera;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Cameras;

/// <summary>Legacy path: a bare DELETE; detection records and violations have no foreign key and stay.</summary>
public sealed class DeleteCameraLegacyHandler(IDbSession session, IUnitOfWork unitOfWork, ICameraMirror mirror)
    : ILegacyHandler<DeleteCameraCommand, DeleteCameraResponse>
{
    public async Task<DeleteCameraResponse> Handle(DeleteCameraCommand request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM cameras WHERE id = @CameraId",
            new { request.CameraId }, session.Transaction, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            throw CameraErrors.NotFound(request.CameraId!);
        }

        unitOfWork.RewriteMirrorAfterCommit(mirror);
        return new DeleteCameraResponse(true, request.CameraId!);
    }
}

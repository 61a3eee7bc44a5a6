using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.GetCamera;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Cameras;

/// <summary>Legacy path: one SELECT straight into the response DTO.</summary>
public sealed class GetCameraLegacyHandler(IDbSession session) : ILegacyHandler<GetCameraQuery, CameraDto>
{
    public async Task<CameraDto> Handle(GetCameraQuery request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CameraDto>(new CommandDefinition(
                   CameraRows.SelectColumns + " WHERE id = @CameraId", new { request.CameraId }, session.Transaction,
                   cancellationToken: cancellationToken))
               ?? throw CameraErrors.NotFound(request.CameraId!);
    }
}

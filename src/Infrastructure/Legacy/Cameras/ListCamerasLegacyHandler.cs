using System.Text;
using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.ListCameras;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Cameras;

/// <summary>Legacy path: one filtered SELECT straight into the response DTO, no aggregate involved.</summary>
public sealed class ListCamerasLegacyHandler(IDbSession session) : ILegacyHandler<ListCamerasQuery, ListCamerasResponse>
{
    public async Task<ListCamerasResponse> Handle(ListCamerasQuery request, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(CameraRows.SelectColumns).Append(" WHERE true");
        if (request.Enabled is not null)
        {
            sql.Append(" AND enabled = @Enabled");
        }

        if (request.Status is not null)
        {
            sql.Append(" AND status = @Status");
        }

        sql.Append(" ORDER BY id COLLATE \"C\"");
        var connection = await session.ConnectionAsync(cancellationToken);
        var cameras = (await connection.QueryAsync<CameraDto>(new CommandDefinition(sql.ToString(),
                new { request.Enabled, request.Status }, session.Transaction, cancellationToken: cancellationToken)))
            .ToList();
        return new ListCamerasResponse(cameras, cameras.Count);
    }
}

using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.CreateCamera;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Cameras;

/// <summary>
/// Legacy path: one INSERT … ON CONFLICT DO NOTHING. No row back means the id is taken; unlike catching
/// a unique violation (23505) it leaves the transaction usable and cannot race with a concurrent insert.
/// </summary>
public sealed class CreateCameraLegacyHandler(IDbSession session, IUnitOfWork unitOfWork, ICameraMirror mirror,
    TimeProvider clock) : ILegacyHandler<CreateCameraCommand, CameraWriteResponse>
{
    private const string Sql = $"""
        INSERT INTO cameras ({CameraRows.Columns})
        VALUES (@Id, @Name, @Location, @SourceUrl, @Enabled, @Status, @Now, @Now, @Actor, @Actor)
        ON CONFLICT (id) DO NOTHING
        RETURNING {CameraRows.ReadColumns}
        """;

    public async Task<CameraWriteResponse> Handle(CreateCameraCommand request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new
        {
            request.Id,
            Name = request.Name!.Trim(),
            Location = (request.Location ?? string.Empty).Trim(),
            SourceUrl = request.SourceUrl!.Trim(),
            Enabled = request.Enabled ?? CreateCameraCommand.DefaultEnabled,
            Status = request.Status ?? CreateCameraCommand.DefaultStatus,
            Now = clock.UtcNowForStorage(),
            request.Actor,
        };
        var created = await connection.QuerySingleOrDefaultAsync<CameraDto>(new CommandDefinition(Sql, parameters,
            session.Transaction, cancellationToken: cancellationToken)) ?? throw CameraErrors.AlreadyExists(request.Id!);
        unitOfWork.RewriteMirrorAfterCommit(mirror);
        return CameraWriteResponse.Of(created);
    }
}

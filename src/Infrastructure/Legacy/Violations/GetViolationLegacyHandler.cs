using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Violations;
using CameraMonitor.Application.Violations.GetViolation;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Violations;

/// <summary>Legacy path: one SELECT straight into the response DTO.</summary>
public sealed class GetViolationLegacyHandler(IDbSession session) : ILegacyHandler<GetViolationQuery, ViolationDto>
{
    public async Task<ViolationDto> Handle(GetViolationQuery request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ViolationDto>(new CommandDefinition(
                   ViolationRows.SelectDto + " WHERE id = @Id", new { Id = ViolationIds.Parse(request.ViolationId) },
                   session.Transaction, cancellationToken: cancellationToken))
               ?? throw new NotFoundException("Violation", request.ViolationId);
    }
}

using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Domain.Violations;
using MediatR;

namespace CameraMonitor.Application.Violations.GetViolation;

/// <summary>Domain path: loads the aggregate through the repository.</summary>
public sealed class GetViolationHandler(IViolationRepository violations) : IRequestHandler<GetViolationQuery, ViolationDto>
{
    public async Task<ViolationDto> Handle(GetViolationQuery request, CancellationToken cancellationToken)
    {
        var violation = await violations.FindAsync(ViolationIds.Parse(request.ViolationId), cancellationToken)
            ?? throw new NotFoundException("Violation", request.ViolationId);
        return ViolationDto.FromDomain(violation);
    }
}

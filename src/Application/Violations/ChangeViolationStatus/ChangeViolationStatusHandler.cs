using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Domain.Violations;
using MediatR;

namespace CameraMonitor.Application.Violations.ChangeViolationStatus;

/// <summary>Domain path: the aggregate checks the transition; the repository writes it if nobody else did first.</summary>
public sealed class ChangeViolationStatusHandler(IViolationRepository violations, TimeProvider clock)
    : IRequestHandler<ChangeViolationStatusCommand, ChangeViolationStatusResponse>
{
    public async Task<ChangeViolationStatusResponse> Handle(ChangeViolationStatusCommand request,
        CancellationToken cancellationToken)
    {
        var id = ViolationIds.Parse(request.ViolationId);
        var violation = await violations.FindAsync(id, cancellationToken)
            ?? throw new NotFoundException("Violation", request.ViolationId);
        // The update below is conditional on the version read here, so the If-Match check holds at the write.
        VersionPrecondition.Ensure(request.IfMatch, violation.Version, "Violation", id);

        violation.ChangeStatus(ViolationStatusNames.Parse(request.Status!), request.Notes, request.HandledBy, clock);
        if (!await violations.UpdateAsync(violation, cancellationToken))
        {
            throw ViolationConflicts.Changed(id, request.IfMatch);
        }

        return new ChangeViolationStatusResponse(true, id, violation.Status.ToName());
    }
}

using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Domain.Cameras;
using MediatR;

namespace CameraMonitor.Application.Cameras.CreateCamera;

/// <summary>Domain path: the aggregate checks its invariants, the repository stores it.</summary>
public sealed class CreateCameraHandler(ICameraRepository cameras, IUnitOfWork unitOfWork, ICameraMirror mirror,
    TimeProvider clock) : IRequestHandler<CreateCameraCommand, CameraWriteResponse>
{
    public async Task<CameraWriteResponse> Handle(CreateCameraCommand request, CancellationToken cancellationToken)
    {
        var camera = Camera.Create(request.Id!, request.Name!, request.Location, request.SourceUrl!,
            request.Enabled ?? CreateCameraCommand.DefaultEnabled,
            CameraStatusNames.Parse(request.Status ?? CreateCameraCommand.DefaultStatus), clock, request.Actor);
        if (await cameras.FindAsync(camera.Id, cancellationToken) is not null)
        {
            throw CameraErrors.AlreadyExists(camera.Id.Value);
        }

        await cameras.AddAsync(camera, cancellationToken);
        unitOfWork.RewriteMirrorAfterCommit(mirror);
        return CameraWriteResponse.Of(CameraDto.FromDomain(camera));
    }
}

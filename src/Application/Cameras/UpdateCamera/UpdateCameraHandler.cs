using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Domain.Cameras;
using MediatR;

namespace CameraMonitor.Application.Cameras.UpdateCamera;

/// <summary>Domain path: load the aggregate, let it apply the partial change, store it.</summary>
public sealed class UpdateCameraHandler(ICameraRepository cameras, IUnitOfWork unitOfWork, ICameraMirror mirror,
    TimeProvider clock) : IRequestHandler<UpdateCameraCommand, CameraWriteResponse>
{
    public async Task<CameraWriteResponse> Handle(UpdateCameraCommand request, CancellationToken cancellationToken)
    {
        var camera = await cameras.FindAsync(CameraId.From(request.CameraId), cancellationToken)
            ?? throw CameraErrors.NotFound(request.CameraId!);
        VersionPrecondition.Ensure(request.IfMatch, camera.Version, "Camera", request.CameraId!);
        camera.Change(request.Name, request.Location, request.SourceUrl, request.Enabled,
            request.Status is null ? null : CameraStatusNames.Parse(request.Status), clock, request.Actor);
        if (!await cameras.UpdateAsync(camera, onlyIfUnchanged: request.IfMatch is not null, cancellationToken))
        {
            // Only a conditional write can miss: someone changed the camera between our read and our write.
            throw new PreconditionFailedException("Camera", request.CameraId!);
        }

        unitOfWork.RewriteMirrorAfterCommit(mirror);
        return CameraWriteResponse.Of(CameraDto.FromDomain(camera));
    }
}

using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Domain.Cameras;
using MediatR;

namespace CameraMonitor.Application.Cameras.DeleteCamera;

/// <summary>Domain path: only the aggregate goes; records and violations have no foreign key to it and stay.</summary>
public sealed class DeleteCameraHandler(ICameraRepository cameras, IUnitOfWork unitOfWork, ICameraMirror mirror)
    : IRequestHandler<DeleteCameraCommand, DeleteCameraResponse>
{
    public async Task<DeleteCameraResponse> Handle(DeleteCameraCommand request, CancellationToken cancellationToken)
    {
        var id = CameraId.From(request.CameraId);
        if (!await cameras.DeleteAsync(id, cancellationToken))
        {
            throw CameraErrors.NotFound(id.Value);
        }

        unitOfWork.RewriteMirrorAfterCommit(mirror);
        return new DeleteCameraResponse(true, id.Value);
    }
}

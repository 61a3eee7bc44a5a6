using MediatR;

namespace CameraMonitor.Application.Cameras.CheckCameraMirror;

public sealed class CheckCameraMirrorHandler(ICameraMirror mirror) : IRequestHandler<CheckCameraMirrorRequest, CameraMirrorReport>
{
    public Task<CameraMirrorReport> Handle(CheckCameraMirrorRequest request, CancellationToken cancellationToken) =>
        mirror.CheckAsync(cancellationToken);
}

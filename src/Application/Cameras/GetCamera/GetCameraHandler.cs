using CameraMonitor.Domain.Cameras;
using MediatR;

namespace CameraMonitor.Application.Cameras.GetCamera;

/// <summary>Domain path: loads the aggregate through the repository.</summary>
public sealed class GetCameraHandler(ICameraRepository cameras) : IRequestHandler<GetCameraQuery, CameraDto>
{
    public async Task<CameraDto> Handle(GetCameraQuery request, CancellationToken cancellationToken) =>
        CameraDto.FromDomain(await cameras.FindAsync(CameraId.From(request.CameraId), cancellationToken)
            ?? throw CameraErrors.NotFound(request.CameraId!));
}

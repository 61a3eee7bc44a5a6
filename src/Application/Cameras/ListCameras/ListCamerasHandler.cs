using CameraMonitor.Domain.Cameras;
using MediatR;

namespace CameraMonitor.Application.Cameras.ListCameras;

/// <summary>Domain path: loads the aggregates through the repository and filters them in memory.</summary>
public sealed class ListCamerasHandler(ICameraRepository cameras) : IRequestHandler<ListCamerasQuery, ListCamerasResponse>
{
    public async Task<ListCamerasResponse> Handle(ListCamerasQuery request, CancellationToken cancellationToken)
    {
        var status = request.Status is null ? (CameraStatus?)null : CameraStatusNames.Parse(request.Status);
        var selected = (await cameras.ListAsync(cancellationToken))
            .Where(c => request.Enabled is null || c.Enabled == request.Enabled)
            .Where(c => status is null || c.Status == status)
            .OrderBy(c => c.Id.Value, StringComparer.Ordinal)
            .Select(CameraDto.FromDomain)
            .ToList();
        return new ListCamerasResponse(selected, selected.Count);
    }
}

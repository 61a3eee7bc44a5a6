using MediatR;

namespace CameraMonitor.Application.Cameras.CheckCameraMirror;

/// <summary>
/// GET /api/v1/cameras/consistency: an operator check of the YAML mirror against the table. It is not a
/// routed endpoint (no legacy twin to roll out), so it is a plain request, not an <c>IQuery</c>.
/// </summary>
public sealed record CheckCameraMirrorRequest : IRequest<CameraMirrorReport>;

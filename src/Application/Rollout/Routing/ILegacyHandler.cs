namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// The legacy (transaction-script) implementation of a request. The domain handler is the MediatR
/// <c>IRequestHandler</c>; this one is called by the rollout behavior instead of it, or after it failed.
/// </summary>
public interface ILegacyHandler<in TRequest, TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

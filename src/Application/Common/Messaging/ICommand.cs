using MediatR;

namespace CameraMonitor.Application.Common.Messaging;

/// <summary>A request that writes. The pipeline runs each attempt in its own database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommandMarker;

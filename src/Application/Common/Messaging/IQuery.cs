using MediatR;

namespace CameraMonitor.Application.Common.Messaging;

/// <summary>A request that only reads: safe to run twice, so parity sampling may shadow it.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

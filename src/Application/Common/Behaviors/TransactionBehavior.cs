using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;
using MediatR;

namespace CameraMonitor.Application.Common.Behaviors;

/// <summary>
/// Innermost behavior: wraps the domain handler of a command in one transaction. It sits inside the
/// rollout behavior, so a failed domain attempt is rolled back before any legacy fallback runs. The legacy
/// attempt goes through the same <see cref="CommandTransaction"/> (Idempotency-Key included).
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(CommandTransaction transaction)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next) =>
        request is ICommandMarker
            ? transaction.RunAsync(request, _ => next(), cancellationToken)
            : next();
}

using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;
using MediatR;

namespace CameraMonitor.Application.Common.Behaviors;

/// <summary>
/// Innermost behavior: wraps the domain handler of a command in one transaction. It sits inside the
/// rollout behavior, so a failed domain attempt is rolled back before any legacy fallback runs. The legacy
/// attempt goes through the same <see cref="CommandTransaction"/> (Idempotency-Key included). Commands only: the
/// constraint keeps it out of a query's pipeline.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(CommandTransaction transaction)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : ICommandMarker
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next) =>
        transaction.RunAsync(request, _ => next(), cancellationToken);
}

using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Common.Persistence;
using MediatR;

namespace CameraMonitor.Application.Common.Behaviors;

/// <summary>
/// Innermost behavior: wraps the domain handler of a command in one transaction. It sits inside the
/// rollout behavior, so a failed domain attempt is rolled back before any legacy fallback runs.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next) =>
        request is ICommandMarker
            ? unitOfWork.ExecuteInTransactionAsync(_ => next(), cancellationToken)
            : next();
}

using System.Text.Json;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Validation;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace CameraMonitor.Application.Common.Behaviors;

/// <summary>
/// Runs the generic edge checks (text PostgreSQL can store, length, time range: <see cref="RequestValueInspector"/>)
/// and then every validator of the request, before routing, so both paths see only valid input. A singleton (its
/// validators are): nothing of it is created per request. Validators run synchronously unless they turn out to have
/// asynchronous rules (FluentValidation refuses those synchronously; the validator is then run asynchronously from
/// that request on), which spares the async machinery on every request of the common, synchronous kind. A query value that
/// passed once is not validated again (<see cref="ValidatedQueryValues{TRequest}"/>, for queries whose validation depends
/// on their value alone).
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
{
    private readonly IValidator<TRequest>[] _validators = validators.ToArray();
    private volatile bool _asynchronous;
    private volatile ValidatedQueryValues<TRequest>? _passed = ValidatedQueryValues<TRequest>.For(validators);

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var passed = _passed;
        if (passed?.Passed(request) == true)
        {
            return next();
        }

        var unstorable = RequestValueInspector.Inspect(request!);
        if (unstorable.Count > 0)
        {
            throw new RequestValidationException(unstorable);
        }

        if (_validators.Length == 0)
        {
            return next();
        }

        if (_asynchronous)
        {
            return ValidateAsyncThenHandle(request, cancellationToken, next);
        }

        List<ValidationFailure>? failures = null;
        try
        {
            foreach (var validator in _validators)
            {
                var context = ThreadMessageFormatter.NewContext(request);
                try
                {
                    Collect(validator.Validate(context), ref failures);
                }
                finally
                {
                    ThreadMessageFormatter.Return(context);
                }
            }
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            // An asynchronous rule reads something besides the request (a repository): its outcome is not the value's.
            _passed = null;
            _asynchronous = true;
            return ValidateAsyncThenHandle(request, cancellationToken, next);
        }

        ThrowIfAny(failures);
        passed?.RememberPassed(request);
        return next();
    }

    private async Task<TResponse> ValidateAsyncThenHandle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        List<ValidationFailure>? failures = null;
        foreach (var validator in _validators)
        {
            Collect(await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken), ref failures);
        }

        ThrowIfAny(failures);
        return await next();
    }

    private static void Collect(ValidationResult result, ref List<ValidationFailure>? failures)
    {
        if (!result.IsValid)
        {
            (failures ??= []).AddRange(result.Errors);
        }
    }

    private static void ThrowIfAny(List<ValidationFailure>? failures)
    {
        if (failures is not null)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => ToFieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }
    }

    /// <summary>"Items[3].CameraId" → "items[3].camera_id", matching the snake_case wire names.</summary>
    private static string ToFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part =>
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0
                ? JsonNamingPolicy.SnakeCaseLower.ConvertName(part)
                : JsonNamingPolicy.SnakeCaseLower.ConvertName(part[..bracket]) + part[bracket..];
        }));
}

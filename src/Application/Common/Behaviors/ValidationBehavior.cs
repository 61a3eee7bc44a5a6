using System.Text.Json;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace CameraMonitor.Application.Common.Behaviors;

/// <summary>
/// Runs the generic edge checks (text PostgreSQL can store, length, time range: <see cref="RequestValueInspector"/>)
/// and then every validator of the request, before routing, so both paths see only valid input.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var unstorable = RequestValueInspector.Inspect(request!);
        if (unstorable.Count > 0)
        {
            throw new RequestValidationException(unstorable);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await ValidateAsync(validator, request, cancellationToken)).Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => ToFieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }

        return await next();
    }

    /// <summary>
    /// Synchronously when the validator allows it: every rule of ours is synchronous, and FluentValidation's async
    /// pipeline costs a task per rule and item (a 1,000-record ingest batch runs ~20,000 rules). A validator that
    /// gains an async rule refuses the synchronous call, and is then run asynchronously.
    /// </summary>
    private static async Task<FluentValidation.Results.ValidationResult> ValidateAsync(IValidator<TRequest> validator,
        TRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return validator.Validate(new ValidationContext<TRequest>(request));
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            return await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
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

using System.Text.Json;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Faults;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Api.Errors;

/// <summary>
/// The one place that turns exceptions into RFC 9457 problem details. Infrastructure faults are classified by
/// <see cref="IInfrastructureFaults"/> (the same classifier the rollout behavior uses): 503 with Retry-After,
/// never 500 (docs/failure-behaviour.md).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails,
    IInfrastructureFaults faults, IOptions<DatabaseFaultOptions> faultOptions,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException invalid => new HttpValidationProblemDetails(
                invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid.",
                Detail = invalid.Message,
            },
            DomainException broken => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [broken.Field] = [broken.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request breaks a business rule.",
                Detail = broken.Message,
            },
            AccessDeniedException denied => Denied(httpContext, denied),
            NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message),
            PreconditionFailedException stale => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed.", stale.Message),
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            BadHttpRequestException badRequest when BindingErrors.FromBindingMessage(badRequest.Message) is var (field, message) =>
                Invalid(badRequest.StatusCode, "The request is invalid.", field, message),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "The request is malformed.", badRequest.Message),
            PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => StatementTimedOut(httpContext),
            IdentityProviderUnavailableException issuerDown => IssuerUnavailable(httpContext, issuerDown),
            // A constraint the database enforces (also one checked only at COMMIT) refused the change on every path.
            PostgresException integrity when integrity.SqlState.StartsWith("23", StringComparison.Ordinal) =>
                Problem(StatusCodes.Status409Conflict, "The change conflicts with stored data.", integrity.MessageText),
            _ => Fault(httpContext, exception),
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method,
                httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
                "The error was logged; retrying will not help until it is fixed.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Infrastructure faults: 503 with Retry-After, logged without pretending a bug; null for anything else.</summary>
    private ProblemDetails? Fault(HttpContext httpContext, Exception exception)
    {
        var fault = faults.Classify(exception);
        if (fault == InfrastructureFault.None)
        {
            return null;
        }

        httpContext.Response.Headers.RetryAfter = faultOptions.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (fault == InfrastructureFault.CommitOutcomeUnknown)
        {
            logger.LogError(exception, "Commit outcome unknown for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return new ProblemDetails
            {
                Type = ProblemTypes.CommitOutcomeUnknown,
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The outcome of the change is unknown.",
                Detail = "The connection to the database failed while the change was being committed, so it may or may not " +
                         "be stored. Retrying with the same Idempotency-Key is safe: it returns the stored answer if the " +
                         "change was stored, and applies it once if it was not.",
            };
        }

        // Expected during an outage, and many at once: one line each, no stack trace.
        logger.LogWarning("Database unavailable ({Fault}) for {Method} {Path}: {Error}", fault, httpContext.Request.Method,
            httpContext.Request.Path, exception.GetBaseException().Message);
        return new ProblemDetails
        {
            Type = ProblemTypes.DatabaseUnavailable,
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The database is unavailable.",
            Detail = "The database could not serve this request (unreachable, overloaded or timed out); nothing was changed. " +
                     "Retry after the number of seconds in Retry-After.",
        };
    }

    /// <summary>A body that is not valid JSON, has a value of the wrong type or an unknown member: name the field when known.</summary>
    private static ProblemDetails MalformedJson(JsonException json)
    {
        var (field, detail) = BindingErrors.FromJson(json, JsonPathToField(json.Path));
        return field is null
            ? Problem(StatusCodes.Status400BadRequest, "The request body is malformed.", detail)
            : Invalid(StatusCodes.Status400BadRequest, "The request body is malformed.", field, detail);
    }

    private static HttpValidationProblemDetails Invalid(int status, string title, string field, string detail) =>
        new(new Dictionary<string, string[]> { [field] = [detail] }) { Status = status, Title = title, Detail = detail };

    /// <summary>"$.items[3].confidence" → "items[3].confidence"; "$" (the whole body) → null.</summary>
    private static string? JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? null : field;
    }

    /// <summary>PostgreSQL cancelled a statement at its statement_timeout (Legacy:StatementTimeoutSeconds on legacy reads).</summary>
    private static ProblemDetails StatementTimedOut(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = "30";
        return Problem(StatusCodes.Status503ServiceUnavailable, "The query took too long.",
            "The database cancelled the query at its statement timeout; narrow the request (a shorter window, a cursor "
            + "instead of a deep offset) or retry later.");
    }

    /// <summary>The JWT authority cannot be reached: no token can be validated until it is back.</summary>
    private ProblemDetails IssuerUnavailable(HttpContext httpContext, IdentityProviderUnavailableException issuerDown)
    {
        logger.LogWarning("Token issuer unavailable for {Method} {Path}: {Error}", httpContext.Request.Method,
            httpContext.Request.Path, issuerDown.GetBaseException().Message);
        httpContext.Response.Headers.RetryAfter = faultOptions.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, "The token issuer is unavailable.", issuerDown.Message +
            " Retry after the number of seconds in Retry-After, or authenticate with an API key.");
    }

    /// <summary>A parameter the caller's roles do not allow: 403 naming it, with the insufficient_scope challenge.</summary>
    private static ProblemDetails Denied(HttpContext httpContext, AccessDeniedException denied)
    {
        httpContext.Response.Headers.WWWAuthenticate = AccessDeniedException.InsufficientScope;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [denied.Field] = [denied.Message] })
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = denied.Message,
        };
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}

using System.Text.Json;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CameraMonitor.Api.Errors;

/// <summary>The one place that turns exceptions into RFC 9457 problem details.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails,
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
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "The request is malformed.", badRequest.Message),
            _ => null,
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

    /// <summary>A body that is not valid JSON, or has a value of the wrong type: name the field when the parser knows it.</summary>
    private static ProblemDetails MalformedJson(JsonException json)
    {
        var field = JsonPathToField(json.Path);
        var detail = field is null
            ? "The request body is not valid JSON for this endpoint."
            : $"{field} has a value of the wrong type or format.";
        return field is null
            ? Problem(StatusCodes.Status400BadRequest, "The request body is malformed.", detail)
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is malformed.",
                Detail = detail,
            };
    }

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

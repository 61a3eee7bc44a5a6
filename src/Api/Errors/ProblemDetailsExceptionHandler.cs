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
            NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message),
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

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}

using CameraMonitor.Application.Violations.GetViolation;
using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CameraMonitor.Api.Http;

/// <summary>
/// If-Match on a violation review: when the violation's current representation no longer has the tag the client
/// names (someone reviewed it meanwhile), answer 412 without trying the write. Without If-Match nothing changes.
/// </summary>
public sealed class ViolationIfMatchFilter(IMediator mediator, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string RouteValue = "violation_id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ifMatch = http.Request.Headers[HeaderNames.IfMatch].ToString();
        if (ifMatch.Length == 0 || http.Request.RouteValues[RouteValue] is not string violationId)
        {
            return await next(context);
        }

        var current = await mediator.Send(new GetViolationQuery(violationId), http.RequestAborted);
        return RepresentationETag.Matches(ifMatch, RepresentationETag.Of(current, json.Value.SerializerOptions))
            ? await next(context)
            : TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed.",
                detail: "The violation changed since the ETag given in If-Match; read it again and retry.");
    }
}

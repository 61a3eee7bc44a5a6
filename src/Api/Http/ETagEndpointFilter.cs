using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CameraMonitor.Api.Http;

/// <summary>Adds the <c>ETag</c> of a single resource's 200 answer (see <see cref="RepresentationETag"/>).</summary>
public sealed class ETagEndpointFilter(IOptions<JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value })
        {
            context.HttpContext.Response.Headers[HeaderNames.ETag] = RepresentationETag.Of(value, json.Value.SerializerOptions);
        }

        return result;
    }
}

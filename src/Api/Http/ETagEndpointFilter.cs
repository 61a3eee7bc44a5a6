using CameraMonitor.Application.Common.Concurrency;
using Microsoft.Net.Http.Headers;

namespace CameraMonitor.Api.Http;

/// <summary>Adds the <c>ETag</c> of a single resource's 200 answer: its stored version (see <see cref="VersionETags"/>).</summary>
public sealed class ETagEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: IVersionedRepresentation versioned })
        {
            context.HttpContext.Response.Headers[HeaderNames.ETag] = VersionETags.Format(versioned.Version);
        }

        return result;
    }
}

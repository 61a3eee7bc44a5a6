using CameraMonitor.Application.Common.Provenance;
using Microsoft.Net.Http.Headers;

namespace CameraMonitor.Api.Http;

/// <summary>
/// Turns the request's <see cref="ResponseProvenance"/> into headers of a 200 answer: <c>X-Data-Source</c> (where
/// the data came from) and <c>Age</c> (RFC 9111: whole seconds since it was read; 0 when read for this request).
/// </summary>
public sealed class DataProvenanceFilter(TimeProvider clock) : IEndpointFilter
{
    public const string DataSourceHeader = "X-Data-Source";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var provenance = context.HttpContext.RequestServices.GetRequiredService<ResponseProvenance>();
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } && provenance.DataSource is { } source)
        {
            var headers = context.HttpContext.Response.Headers;
            headers[DataSourceHeader] = source;
            headers[HeaderNames.Age] = provenance.AgeSecondsAt(clock.GetUtcNow()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }
}

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CameraMonitor.Api.Endpoints;

/// <summary>
/// The keyset "next" link (RFC 8288) of a paged list: this request's URL with <c>after</c> set to the page's
/// <c>next_cursor</c> and <c>offset</c> dropped (the cursor replaces it). No link on the last page.
/// </summary>
public static class NextPageLink
{
    public const string AfterParameter = "after";

    public static void Add(HttpResponse response, string? nextCursor)
    {
        if (nextCursor is null)
        {
            return;
        }

        var request = response.HttpContext.Request;
        var query = request.Query
            .Where(p => p.Key is not (AfterParameter or "offset"))
            .Append(new KeyValuePair<string, StringValues>(AfterParameter, nextCursor))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        response.Headers.Append("Link", $"<{QueryHelpers.AddQueryString(request.PathBase + request.Path, query)}>; rel=\"next\"");
    }
}

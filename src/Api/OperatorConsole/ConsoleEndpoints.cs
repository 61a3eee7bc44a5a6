using Microsoft.Net.Http.Headers;

namespace CameraMonitor.Api.OperatorConsole;

/// <summary>
/// Serves the operator console at /console/ from <see cref="ConsoleAssets"/>. The page itself needs no key: it
/// holds no data, and every call it makes goes to the operator API with the key the operator signs in with.
/// Every answer carries a strict Content-Security-Policy (scripts and styles from this origin only, no inline
/// code, no frames), and is revalidated by ETag, since the files keep their names from build to build.
/// </summary>
public static class ConsoleEndpoints
{
    public const string Path = "/console";
    public const string IndexFile = "index.html";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        // One route for /console and everything under it (routing does not tell "/console" from "/console/").
        // Open like the health probes: the files hold no data, and every call the page makes needs a key.
        app.MapGet(Path + "/{**file}", Serve).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static IResult Serve(string? file, HttpContext context, ConsoleAssets assets)
    {
        // Relative module URLs resolve against the folder, so the page lives at /console/.
        if (string.IsNullOrEmpty(file) && !context.Request.Path.Value!.EndsWith('/'))
        {
            return Results.Redirect(context.Request.PathBase + Path + "/");
        }

        var asset = assets.Find(string.IsNullOrEmpty(file) ? IndexFile : file);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: $"The console has no file '{file}'.");
        }

        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        var presented = context.Request.Headers.IfNoneMatch;
        return presented.Count > 0 && EntityTagHeaderValue.TryParseList(presented, out var tags)
            && tags.Any(t => t.Tag == asset.ETag || t.Tag == "*")
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Content, asset.ContentType);
    }
}

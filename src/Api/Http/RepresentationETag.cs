using System.Security.Cryptography;
using System.Text.Json;

namespace CameraMonitor.Api.Http;

/// <summary>
/// A strong entity tag computed from the JSON representation a client receives: equal bodies, equal tags, on either
/// implementation. The database's own optimistic concurrency still decides races; the tag lets a client say
/// "only if it is still what I saw" before the write is even tried.
/// </summary>
public static class RepresentationETag
{
    public static string Of(object representation, JsonSerializerOptions options)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), options));
        return $"\"{Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
    }

    /// <summary>Whether an If-Match value (a list of tags, or *) admits <paramref name="current"/>.</summary>
    public static bool Matches(string ifMatch, string current) =>
        ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current);
}

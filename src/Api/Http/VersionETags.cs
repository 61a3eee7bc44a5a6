using System.Globalization;
using CameraMonitor.Application.Common.Concurrency;
using Microsoft.Net.Http.Headers;

namespace CameraMonitor.Api.Http;

/// <summary>
/// ETags are the stored version of the resource (the optimistic-concurrency version both paths read and bump), so a
/// tag names one state of the row whichever path served it, and If-Match is checked by the write itself.
/// </summary>
public static class VersionETags
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The versions an If-Match admits: null without the header or for <c>*</c> (any current state: the resource only
    /// has to exist); weak, foreign or malformed tags admit nothing, since If-Match compares strongly (RFC 9110 §13.1.1).
    /// </summary>
    public static VersionPrecondition? IfMatchOf(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return new VersionPrecondition([]);
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        var versions = new List<long>();
        foreach (var tag in tags.Where(tag => !tag.IsWeak))
        {
            if (long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture,
                    out var version))
            {
                versions.Add(version);
            }
        }

        return new VersionPrecondition(versions);
    }
}

using System.Globalization;

namespace CameraMonitor.Domain.Common;

/// <summary>
/// Keyset position in a newest-first list ordered by (detected_at desc, id desc): the next page holds the
/// rows strictly after this one. Its text form, <c>&lt;unix microseconds&gt;_&lt;id&gt;</c>, is what the
/// <c>after</c> query parameter and the <c>next_cursor</c> field carry; microseconds are PostgreSQL's precision.
/// </summary>
public sealed record PageCursor(DateTimeOffset DetectedAt, long Id)
{
    private const char Separator = '_';

    public static PageCursor? TryParse(string? text)
    {
        var parts = text?.Split(Separator);
        if (parts is not [var micros, var id]
            || !long.TryParse(micros, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMicros)
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId)
            || unixMicros > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000)
        {
            return null;
        }

        return new PageCursor(DateTimeOffset.UnixEpoch.AddTicks(unixMicros * TimeSpan.TicksPerMicrosecond), rowId);
    }

    public static bool IsValid(string? text) => text is null || TryParse(text) is not null;

    /// <summary>The cursor after the last row of a full page; null when the page was not full (nothing follows).</summary>
    public static string? After<T>(IReadOnlyList<T> page, int limit, Func<T, DateTimeOffset> detectedAt, Func<T, long> id) =>
        page.Count < limit || page.Count == 0 ? null : new PageCursor(detectedAt(page[^1]), id(page[^1])).ToString();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(DetectedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond}{Separator}{Id}");
}

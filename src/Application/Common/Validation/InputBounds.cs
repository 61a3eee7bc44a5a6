namespace CameraMonitor.Application.Common.Validation;

/// <summary>
/// Limits every request value meets before any handler or SQL sees it (docs/failure-behaviour.md). Field validators
/// may be stricter; these are the floor that keeps PostgreSQL and the time arithmetic out of trouble.
/// </summary>
public static class InputBounds
{
    /// <summary>No text value (query, route, header, JSON string) may be longer than this.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The earliest timestamp accepted anywhere (inclusive, UTC).</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest timestamp accepted anywhere (exclusive, UTC): far from DateTime.MaxValue, so a period added to it cannot overflow.</summary>
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Why PostgreSQL could not store the text faithfully (NUL, other control characters, broken UTF-16), or null.</summary>
    public static string? TextProblem(string value)
    {
        if (value.Length > MaxTextLength)
        {
            return $"must be at most {MaxTextLength} characters.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "must not contain the NUL character (U+0000).";
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                return $"must not contain control characters (U+{(int)c:X4}).";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "must be valid Unicode text (an unpaired surrogate was found).";
            }
        }

        return null;
    }

    public static string? TimeProblem(DateTimeOffset value) =>
        value >= Earliest && value < Latest
            ? null
            : $"must be from {Earliest:yyyy-MM-dd} (inclusive) to {Latest:yyyy-MM-dd} (exclusive), UTC.";
}

using System.Text.RegularExpressions;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Detections;

/// <summary>Rules shared by a detection record, its objects and its violations.</summary>
public static partial class DetectionRules
{
    public const string ViolationTypePattern = "^[a-z][a-z0-9_]{0,63}$";
    public const int MaxSnapshotPathLength = 1024;

    /// <summary>A day: far above any real frame, and low enough that rollup sums of float8 cannot overflow.</summary>
    public const double MaxProcessingMs = 86_400_000;

    /// <summary>Detections are accepted from 1970 up to (not including) 2100, which keeps Npgsql's ±infinity mapping of
    /// DateTime.MinValue/MaxValue and epoch-window arithmetic out of reach.</summary>
    public static readonly DateTimeOffset EarliestDetection = DateTimeOffset.UnixEpoch;

    public static readonly DateTimeOffset LatestDetectionExclusive = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDetectionTime(DateTimeOffset at) => at >= EarliestDetection && at < LatestDetectionExclusive;

    public static bool IsProcessingMs(double value) => double.IsFinite(value) && value is >= 0 and <= MaxProcessingMs;

    public static bool IsViolationType(string? value) => value is not null && ViolationTypeRegex().IsMatch(value);

    public static bool IsConfidence(double value) => value is >= 0 and <= 1;

    /// <summary>PostgreSQL text and jsonb cannot hold U+0000.</summary>
    public static bool IsStorableText(string? value) => value is null || !value.Contains('\0', StringComparison.Ordinal);

    public static void CheckConfidence(double confidence)
    {
        if (!IsConfidence(confidence))
        {
            throw new DomainException("confidence", "confidence must be between 0 and 1.");
        }
    }

    [GeneratedRegex(ViolationTypePattern, RegexOptions.CultureInvariant)]
    private static partial Regex ViolationTypeRegex();
}

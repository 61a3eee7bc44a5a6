namespace CameraMonitor.Application.Statistics.Common;

/// <summary>The named periods statistics accept, and their length.</summary>
public static class StatisticsPeriods
{
    public const string Default = "24h";

    /// <summary>The period name of a window given by start_time/end_time instead of a named period.</summary>
    public const string Custom = "custom";

    private static readonly Dictionary<string, TimeSpan> Lengths = new(StringComparer.Ordinal)
    {
        ["1h"] = TimeSpan.FromHours(1),
        ["24h"] = TimeSpan.FromHours(24),
        ["7d"] = TimeSpan.FromDays(7),
        ["30d"] = TimeSpan.FromDays(30),
    };

    public static IReadOnlyCollection<string> All => Lengths.Keys;

    public static bool IsValid(string? period) => period is null || Lengths.ContainsKey(period);

    public static TimeSpan LengthOf(string? period) => Lengths[period ?? Default];

    public static string Message => $"period must be one of {string.Join(", ", Lengths.Keys)}.";
}

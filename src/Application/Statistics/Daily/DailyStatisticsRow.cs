namespace CameraMonitor.Application.Statistics.Daily;

/// <summary>One UTC day (date as yyyy-MM-dd): its violations in total and per type.</summary>
public sealed record DailyStatisticsRow(string Date, long Total, IReadOnlyDictionary<string, long> ByType);

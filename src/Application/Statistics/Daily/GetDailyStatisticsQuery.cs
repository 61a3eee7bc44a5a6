using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Statistics.Daily;

/// <summary>GET /api/v1/statistics/daily?days=1..90: violations per UTC day, oldest first, zero-filled.</summary>
public sealed record GetDailyStatisticsQuery(int Days = GetDailyStatisticsQuery.DefaultDays) : IQuery<DailyStatisticsResponse>
{
    public const int DefaultDays = 7;
    public const int MaxDays = 90;
}

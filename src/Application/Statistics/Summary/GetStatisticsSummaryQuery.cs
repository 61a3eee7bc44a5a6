using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Statistics.Summary;

/// <summary>GET /api/v1/records/statistics/summary?period=1h|24h|7d|30d: totals per camera and overall.</summary>
public sealed record GetStatisticsSummaryQuery(string? Period = null) : IQuery<StatisticsSummaryResponse>;

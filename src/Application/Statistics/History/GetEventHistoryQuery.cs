using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Statistics.History;

/// <summary>GET /api/v1/statistics/history?limit=: the most recent violation events, newest first.</summary>
public sealed record GetEventHistoryQuery(int Limit = GetEventHistoryQuery.DefaultLimit) : IQuery<EventHistoryResponse>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 1000;
}

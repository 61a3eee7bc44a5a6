using CameraMonitor.Application.Violations;

namespace CameraMonitor.Application.Statistics.History;

public sealed record EventHistoryResponse(IReadOnlyList<ViolationDto> Events, int Count);

using CameraMonitor.Application.Violations;

namespace CameraMonitor.Application.Statistics.Events;

public sealed record ViolationEventsResponse(IReadOnlyList<ViolationDto> Events, long Total, int Limit, int Offset);

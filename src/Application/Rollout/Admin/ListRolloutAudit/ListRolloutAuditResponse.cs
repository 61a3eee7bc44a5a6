using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutAudit;

public sealed record ListRolloutAuditResponse(IReadOnlyList<RolloutAuditEntry> Entries);

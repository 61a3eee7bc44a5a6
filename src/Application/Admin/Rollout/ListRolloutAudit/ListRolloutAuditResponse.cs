using CameraMonitor.Application.Common.Rollout;

namespace CameraMonitor.Application.Admin.Rollout.ListRolloutAudit;

public sealed record ListRolloutAuditResponse(IReadOnlyList<RolloutAuditEntry> Entries);

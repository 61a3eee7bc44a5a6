namespace CameraMonitor.Api.Endpoints;

/// <summary>The answer of GET /api/v1/admin/rollout/session.</summary>
/// <param name="Name">The key's owner, as the audit rows name it.</param>
/// <param name="CanChangeRollout">Whether the key passes the policy of the rollout's changing routes.</param>
/// <param name="ChangeRequires">Why not, in words the console shows on every disabled action.</param>
public sealed record AdminSession(string Name, IReadOnlyList<string> Roles, bool CanChangeRollout, string? ChangeRequires);

namespace CameraMonitor.Application.Rollout.Evidence;

/// <param name="Path">domain or legacy: the path the router chose (a fallback is recorded later).</param>
/// <param name="Reason">kill_switch, force_domain or percentage.</param>
public readonly record struct RoutingInfo(string Path, string Reason);

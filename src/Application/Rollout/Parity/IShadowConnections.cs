namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// The database session of a scope, as shadow work sees it: switched, before its first query, to the connections kept
/// for shadow work (Infrastructure's <c>ShadowDataSource</c>: parallel query off, a pool of their own, their own
/// application_name) instead of the pool requests wait on. See <see cref="ShadowScope"/>.
/// </summary>
public interface IShadowConnections
{
    void UseShadowConnections();
}

using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Marks a DI scope as shadow work (a parity comparison, a dark-launch shadow) so that its database session takes its
/// connection from the shadow pool (Infrastructure's <c>ShadowDataSource</c>: parallel query off, its own connections,
/// its own application_name) rather than from the pool requests wait on. Scoped; unmarked in every request's scope.
/// </summary>
public sealed class ShadowScope
{
    public bool IsShadow { get; private set; }

    /// <summary>A new scope marked as shadow work before anything in it is resolved (its database session is built on the shadow pool).</summary>
    public static AsyncServiceScope Create(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ShadowScope>() is { } shadow)
        {
            shadow.IsShadow = true;
        }

        return scope;
    }
}

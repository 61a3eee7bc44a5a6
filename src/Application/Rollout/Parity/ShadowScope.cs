using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Where shadow work (a parity comparison, a dark-launch shadow) runs: a DI scope of its own whose database session takes
/// its connection from the shadow connections (<see cref="IShadowConnections"/>), never from the pool requests wait on.
/// A request's scope pays nothing for it: the switch is made here, not asked on every request.
/// </summary>
public static class ShadowScope
{
    /// <summary>A new scope whose database session is switched to the shadow connections before anything in it runs.</summary>
    public static AsyncServiceScope Create(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetService<IShadowConnections>()?.UseShadowConnections();
        return scope;
    }
}

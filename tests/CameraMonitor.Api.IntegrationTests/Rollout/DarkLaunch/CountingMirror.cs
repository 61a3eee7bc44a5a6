using System.Runtime.CompilerServices;
using CameraMonitor.Application.Cameras;

namespace CameraMonitor.Api.IntegrationTests.Rollout.DarkLaunch;

/// <summary>The real YAML mirror, counting its rewrites (shared by every scope of a test host).</summary>
internal sealed class CountingMirror(ICameraMirror inner, StrongBox<int> rewrites) : ICameraMirror
{
    public async Task RewriteAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref rewrites.Value);
        await inner.RewriteAsync(cancellationToken);
    }

    public Task<CameraMirrorReport> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    public Task<CameraMirrorReport> ReconcileAsync(CancellationToken cancellationToken) => inner.ReconcileAsync(cancellationToken);
}

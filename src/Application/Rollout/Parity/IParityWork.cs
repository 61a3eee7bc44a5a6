namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>A sampled request waiting for the background worker to run its other implementation.</summary>
public interface IParityWork
{
    string Endpoint { get; }

    /// <summary>Runs the shadow side in <paramref name="scope"/> (a DI scope of its own, so its own connection).</summary>
    Task<ParityResult> RunAsync(IServiceProvider scope, CancellationToken cancellationToken);
}

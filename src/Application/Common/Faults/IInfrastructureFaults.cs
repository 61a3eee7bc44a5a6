namespace CameraMonitor.Application.Common.Faults;

/// <summary>
/// The one classifier of infrastructure faults (database errors, timeouts). The rollout behavior asks it whether a
/// fallback can help; the HTTP exception handler asks it which answer to give.
/// </summary>
public interface IInfrastructureFaults
{
    InfrastructureFault Classify(Exception exception);

    /// <summary>Whether the database answers a fresh connection now (a short round trip; never throws).</summary>
    Task<bool> DatabaseAnswersAsync(CancellationToken cancellationToken);
}

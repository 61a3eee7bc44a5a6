namespace CameraMonitor.Application.Common.Faults;

/// <summary>What an exception says about the infrastructure, and so whether a fallback or a retry can help.</summary>
public enum InfrastructureFault
{
    /// <summary>Not an infrastructure fault: a fault of the code that ran (the legacy path may do better).</summary>
    None,

    /// <summary>
    /// This connection broke (terminated, reset, server going down). A fresh connection may work if the database
    /// still answers; if it does not, the fault is shared by every path.
    /// </summary>
    ConnectionLost,

    /// <summary>
    /// The database cannot serve now (refusing or starting, too many connections, pool exhausted, timeout,
    /// serialization failure or deadlock left after the in-service retries). Every path shares it: answer 503.
    /// </summary>
    Unavailable,

    /// <summary>The connection failed during COMMIT: the write may or may not be stored. Never retried, never fallen back.</summary>
    CommitOutcomeUnknown,
}

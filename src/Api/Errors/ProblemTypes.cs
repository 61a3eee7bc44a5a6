namespace CameraMonitor.Api.Errors;

/// <summary>The problem types (RFC 9457 <c>type</c>) of our own; docs/failure-behaviour.md explains each.</summary>
public static class ProblemTypes
{
    private const string Base = "https://cameramonitor.dev/problems/";

    /// <summary>503: the database cannot serve now; retry after Retry-After seconds.</summary>
    public const string DatabaseUnavailable = Base + "database-unavailable";

    /// <summary>503: the connection failed during COMMIT; retry with the same Idempotency-Key.</summary>
    public const string CommitOutcomeUnknown = Base + "commit-outcome-unknown";
}

namespace CameraMonitor.Application.Common.Faults;

/// <summary>
/// The connection failed while COMMIT was in flight: the transaction may have committed or not. Nobody can tell
/// without asking again, so the caller must retry with the same Idempotency-Key (which answers the stored result
/// if the first attempt did commit).
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception cause)
    : Exception("The connection to the database failed during COMMIT; the change may or may not be stored.", cause);

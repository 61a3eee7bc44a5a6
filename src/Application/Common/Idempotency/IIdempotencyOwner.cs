namespace CameraMonitor.Application.Common.Idempotency;

/// <summary>
/// Who sends the current command. Idempotency keys are remembered per owner: a key names one request of one caller,
/// so another caller that happens to send the same key string must neither be answered the first caller's stored
/// response (it could read another principal's ids) nor be refused with a conflict it cannot explain.
/// </summary>
public interface IIdempotencyOwner
{
    /// <summary>The caller's owner name; null outside a request (background work).</summary>
    string? Current { get; }
}

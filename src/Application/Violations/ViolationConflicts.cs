using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Errors;

namespace CameraMonitor.Application.Violations;

/// <summary>The one wording of a lost optimistic-concurrency race, for both paths.</summary>
public static class ViolationConflicts
{
    /// <summary>
    /// The conditional write found the row at another version than the one read: 409, or 412 when the caller sent
    /// If-Match (it asked for exactly this condition).
    /// </summary>
    public static BusinessException Changed(long id, VersionPrecondition? ifMatch) => ifMatch is null
        ? new ConflictException($"Violation {id} was changed by another request since it was read; read it again and retry.")
        : new PreconditionFailedException("Violation", id);
}

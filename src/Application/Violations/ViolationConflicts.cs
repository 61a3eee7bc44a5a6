using CameraMonitor.Application.Common.Errors;

namespace CameraMonitor.Application.Violations;

/// <summary>The one wording of a lost optimistic-concurrency race, for both paths.</summary>
public static class ViolationConflicts
{
    public static ConflictException Changed(long id) => new(
        $"Violation {id} was changed by another request since it was read; read it again and retry.");
}

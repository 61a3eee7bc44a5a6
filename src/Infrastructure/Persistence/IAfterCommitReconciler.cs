namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>
/// Repairs after-commit side effects (files mirrored from tables) from the database. Asked when a commit's outcome
/// is unknown or an after-commit action failed, since then nobody knows whether the side effect should have run.
/// </summary>
public interface IAfterCommitReconciler
{
    /// <summary>Returns at once; the repair runs in the background as soon as the database answers.</summary>
    void ScheduleReconcile();
}

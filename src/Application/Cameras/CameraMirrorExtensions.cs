using CameraMonitor.Application.Common.Persistence;

namespace CameraMonitor.Application.Cameras;

public static class CameraMirrorExtensions
{
    /// <summary>
    /// Every camera write (domain and legacy path) ends with this: the mirror follows the table only once
    /// the transaction committed, so a rolled-back attempt never reaches the file.
    /// </summary>
    public static void RewriteMirrorAfterCommit(this IUnitOfWork unitOfWork, ICameraMirror mirror) =>
        unitOfWork.AfterCommit(mirror.RewriteAsync);
}

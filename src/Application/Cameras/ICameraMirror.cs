namespace CameraMonitor.Application.Cameras;

/// <summary>
/// The YAML file that detector processes read the cameras from. The database is the source of truth: the
/// file is only ever rewritten from a fresh read of the whole cameras table.
/// </summary>
public interface ICameraMirror
{
    /// <summary>Rewrites the file atomically from the committed cameras table (serialised process-wide).</summary>
    Task RewriteAsync(CancellationToken cancellationToken);

    /// <summary>Compares the file with the table, field by field.</summary>
    Task<CameraMirrorReport> CheckAsync(CancellationToken cancellationToken);

    /// <summary>Start-up repair: checks, and rewrites the file when it differs from the table.</summary>
    Task<CameraMirrorReport> ReconcileAsync(CancellationToken cancellationToken);
}

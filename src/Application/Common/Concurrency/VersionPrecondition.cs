namespace CameraMonitor.Application.Common.Concurrency;

/// <summary>
/// "Change it only if it is still at one of these versions": the application side of HTTP If-Match. A handler checks
/// it against the version it read and writes with a conditional UPDATE on that same version, so the check and the
/// write cannot be separated by another writer.
/// </summary>
public sealed class VersionPrecondition(IReadOnlyCollection<long> versions)
{
    /// <summary>The versions the caller accepts; empty when none of its tags names a version (nothing matches).</summary>
    public IReadOnlyCollection<long> Versions { get; } = versions;

    public bool Admits(long version) => Versions.Contains(version);

    /// <summary>Throws <see cref="PreconditionFailedException"/> unless <paramref name="current"/> is admitted.</summary>
    public static void Ensure(VersionPrecondition? precondition, long current, string resource, object id)
    {
        if (precondition is not null && !precondition.Admits(current))
        {
            throw new PreconditionFailedException(resource, id);
        }
    }
}

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>Reads the evidence every instance published to PostgreSQL, summed over the cluster.</summary>
public interface IClusterEvidenceReader
{
    /// <summary>The endpoint's evidence from the slices that fall in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    Task<EndpointEvidence> ReadAsync(string endpoint, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

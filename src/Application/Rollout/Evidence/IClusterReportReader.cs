namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>The cluster's published comparisons and heartbeats, for the parity and dark-launch reports.</summary>
public interface IClusterReportReader
{
    /// <summary>Every field of one kind (<see cref="ComparisonKinds"/>) of the endpoint, summed over the window ('' first).</summary>
    Task<IReadOnlyList<FieldComparison>> ReadFieldsAsync(string kind, string endpoint, DateTime fromUtc, DateTime toUtc,
        CancellationToken cancellationToken);

    /// <summary>Every instance that reported after <paramref name="fromUtc"/>, with whether it is silent at <paramref name="toUtc"/>.</summary>
    Task<IReadOnlyList<InstanceEvidence>> ReadInstancesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

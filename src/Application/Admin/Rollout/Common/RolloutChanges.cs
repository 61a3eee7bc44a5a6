using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Rollout;

namespace CameraMonitor.Application.Admin.Rollout.Common;

/// <summary>
/// The one way the operator API changes an endpoint: check it exists, store the change with its audit row,
/// then apply it here at once (other instances follow through NOTIFY or the periodic re-read).
/// </summary>
public sealed class RolloutChanges(
    IEndpointCatalog catalog,
    IRolloutOverrideStore store,
    IRolloutStateRefresher refresher,
    IRolloutState state)
{
    public async Task<EndpointRolloutDto> ApplyAsync(string endpoint, Func<RolloutOverride?, RolloutOverride?> change,
        string actor, string? reason, CancellationToken cancellationToken)
    {
        var name = Canonical(endpoint);
        await store.ChangeAsync(name, change, actor, reason, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return EndpointRolloutDto.From(state.Get(name));
    }

    /// <summary>The catalog's spelling of the endpoint, so "listcameras" and "ListCameras" are one row.</summary>
    public string Canonical(string endpoint) =>
        catalog.Endpoints.FirstOrDefault(e => string.Equals(e, endpoint, StringComparison.OrdinalIgnoreCase))
        ?? throw new NotFoundException("endpoint", endpoint);
}

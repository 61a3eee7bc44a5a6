using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Application.Rollout.Admin.Shared;

/// <summary>
/// The one way the operator API changes an endpoint: check it exists, store the change with its audit row,
/// then apply it here at once (other instances follow through NOTIFY or the periodic re-read). A manual change
/// of the percentage cancels the endpoint's open rollout plan first: the operator has taken over.
/// </summary>
public sealed class RolloutChanges(
    IEndpointCatalog catalog,
    IRolloutOverrideStore store,
    IRolloutStateRefresher refresher,
    IRolloutState state,
    IRolloutPlanStore plans,
    TimeProvider clock)
{
    public async Task<EndpointRolloutDto> ApplyAsync(string endpoint, Func<RolloutOverride?, RolloutOverride?> change,
        string actor, string? reason, CancellationToken cancellationToken, bool setsPercentage = false)
    {
        var name = Canonical(endpoint);
        if (setsPercentage)
        {
            var why = "manual change of the percentage" + (reason is null ? "" : $": {reason}");
            var now = clock.UtcNowForStorage().UtcDateTime;
            await plans.ApplyAsync(name, PlanVerbs.Cancel, plan => plan.Cancel(now, actor, why), actor, why, cancellationToken);
        }

        await store.ChangeAsync(name, change, actor, reason, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return EndpointRolloutDto.From(state.Get(name));
    }

    /// <summary>The catalog's spelling of the endpoint, so "listcameras" and "ListCameras" are one row.</summary>
    public string Canonical(string endpoint) =>
        catalog.Endpoints.FirstOrDefault(e => string.Equals(e, endpoint, StringComparison.OrdinalIgnoreCase))
        ?? throw new NotFoundException("endpoint", endpoint);
}

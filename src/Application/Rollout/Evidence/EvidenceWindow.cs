using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>The window a report reads: the last <c>window_minutes</c> (default Rollout:Evidence:DefaultWindowMinutes) up to now.</summary>
public sealed class EvidenceWindow(IOptions<EvidenceOptions> options, TimeProvider clock)
{
    /// <summary>The longest window a report may ask for (7 days; slices older than the retention are gone anyway).</summary>
    public const double MaxMinutes = 10_080;

    public (DateTime From, DateTime To) Last(double? minutes)
    {
        var to = clock.GetUtcNow().UtcDateTime;
        return (to.AddMinutes(-(minutes ?? options.Value.DefaultWindowMinutes)), to);
    }
}

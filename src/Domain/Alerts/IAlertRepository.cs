namespace CameraMonitor.Domain.Alerts;

public interface IAlertRepository
{
    /// <summary>Newest first (triggered_at desc, id desc).</summary>
    Task<IReadOnlyList<Alert>> ListAsync(AlertFilter filter, CancellationToken cancellationToken);

    /// <summary>Stores a rule's alert unless that rule already alerted for the camera in the same window.</summary>
    Task<bool> AddIfNewInWindowAsync(Alert alert, CancellationToken cancellationToken);
}

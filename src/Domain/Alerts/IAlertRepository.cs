namespace CameraMonitor.Domain.Alerts;

public interface IAlertRepository
{
    /// <summary>Newest first (triggered_at desc, id desc).</summary>
    Task<IReadOnlyList<Alert>> ListAsync(AlertFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Stores each alert, in the given order, unless its rule already alerted for the camera in the same window;
    /// returns how many were new. One statement for the whole list.
    /// </summary>
    Task<int> AddIfNewInWindowAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken);

    /// <summary>Those of the windows that already hold their rule's alert for their camera (nothing more is stored there).</summary>
    Task<IReadOnlySet<AlertWindow>> AlertedAsync(IReadOnlyList<AlertWindow> windows, CancellationToken cancellationToken);
}

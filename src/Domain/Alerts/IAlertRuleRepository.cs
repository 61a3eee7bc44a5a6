namespace CameraMonitor.Domain.Alerts;

public interface IAlertRuleRepository
{
    /// <summary>Ordered by id; only enabled or only disabled ones when <paramref name="enabled"/> is given.</summary>
    Task<IReadOnlyList<AlertRule>> ListAsync(bool? enabled, CancellationToken cancellationToken);
}

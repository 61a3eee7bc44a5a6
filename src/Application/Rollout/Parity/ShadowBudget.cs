namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// The token bucket and worker bound of <see cref="ShadowBudgetOptions"/>. Asked once a request has drawn its sample,
/// before anything is captured or serialized, so a request whose sample the budget refuses pays only this check.
/// The clock is injected so tests drive the refill deterministically.
/// </summary>
public sealed class ShadowBudget
{
    private readonly ShadowBudgetOptions _settings;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;
    private int _workers;

    public ShadowBudget(ShadowBudgetOptions settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        _tokens = settings.Burst;
        _refilledAt = clock.GetTimestamp();
    }

    /// <summary>Takes one comparison's token; false when the bucket is empty (the sample is skipped for budget).</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            _tokens = Math.Min(_settings.Burst, _tokens + _clock.GetElapsedTime(_refilledAt, now).TotalSeconds * _settings.ComparisonsPerSecond);
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    /// <summary>A worker slot and a token together, or neither; a granted slot must be given back with <see cref="Release"/>.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _workers) > _settings.MaxWorkers)
        {
            Interlocked.Decrement(ref _workers);
            return false;
        }

        if (TryTake())
        {
            return true;
        }

        Interlocked.Decrement(ref _workers);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _workers);
}

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

    // While the bucket is empty, the timestamp before which no token can have been refilled: at a 100 % sample rate
    // almost every draw is refused, and refusing then costs one clock read instead of the lock every request contends.
    private long _emptyUntil;

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
        if (_clock.GetTimestamp() < Volatile.Read(ref _emptyUntil))
        {
            return false;
        }

        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            _tokens = Math.Min(_settings.Burst, _tokens + _clock.GetElapsedTime(_refilledAt, now).TotalSeconds * _settings.ComparisonsPerSecond);
            _refilledAt = now;
            if (_tokens < 1)
            {
                Volatile.Write(ref _emptyUntil, now + TicksUntilNextToken());
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    // Timestamp ticks (TimeProvider.TimestampFrequency per second) until the fraction missing from one token has been
    // refilled; at least one tick, so a rate of 0 or a rounding to 0 never stops the next check from taking the lock.
    private long TicksUntilNextToken()
    {
        var seconds = _settings.ComparisonsPerSecond > 0 ? (1 - _tokens) / _settings.ComparisonsPerSecond : 1.0;
        return Math.Max(1, (long)(seconds * _clock.TimestampFrequency));
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

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// The two token buckets and the worker bound of <see cref="ShadowBudgetOptions"/>. Asked once a request has drawn its
/// sample, before anything is captured or serialized, so a request whose sample the budget refuses pays only this check.
/// One bucket counts comparisons; the other holds shadow time, charged with each comparison's measured duration when
/// it ends (<see cref="Charge"/>), so an endpoint whose comparisons are heavy gets fewer of them for the same cost.
/// The clock is injected so tests drive the refill deterministically.
/// </summary>
public sealed class ShadowBudget
{
    /// <summary>
    /// Seconds of shadow time the bucket starts with: enough that the first comparisons on cold code (JIT, empty caches:
    /// often ten times a warm one) do not stop sampling for long.
    /// </summary>
    public const double StartingSeconds = 10;

    /// <summary>
    /// Seconds of shadow time a quiet spell saves up once the starting time is spent: little, so that switching sampling on
    /// after a quiet spell buys no stretch of shadow work much heavier than the configured rate (which the requests of
    /// that moment would pay for in latency).
    /// </summary>
    public const double SavedSeconds = 2;

    private readonly ShadowBudgetOptions _settings;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _tokens;
    private double _shadowMilliseconds;
    private long _refilledAt;
    private int _workers;

    // While a bucket is empty, the timestamp before which it cannot have refilled: at a 100 % sample rate almost every
    // draw is refused, and refusing then costs one clock read instead of the lock every request would contend for.
    private long _emptyUntil;

    public ShadowBudget(ShadowBudgetOptions settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        _tokens = settings.Burst;
        _shadowMilliseconds = settings.ShadowMillisecondsPerSecond * StartingSeconds;
        _refilledAt = clock.GetTimestamp();
    }

    /// <summary>
    /// Takes one comparison's token; false when no token is left or the shadow time is spent (the sample is skipped for
    /// budget).
    /// </summary>
    public bool TryTake()
    {
        if (_clock.GetTimestamp() < Volatile.Read(ref _emptyUntil))
        {
            return false;
        }

        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            Refill(now);
            if (_tokens < 1 || _shadowMilliseconds < 0)
            {
                Volatile.Write(ref _emptyUntil, now + TicksUntilRefilled());
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    /// <summary>
    /// Charges a finished comparison's duration to the shadow time. The bucket may go into debt (a comparison longer than
    /// what is left): no comparison starts until the debt is refilled.
    /// </summary>
    public void Charge(TimeSpan elapsed)
    {
        lock (_gate)
        {
            Refill(_clock.GetTimestamp());
            _shadowMilliseconds -= Math.Max(0, elapsed.TotalMilliseconds);
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

    private void Refill(long now)
    {
        var seconds = _clock.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _tokens = Math.Min(_settings.Burst, _tokens + seconds * _settings.ComparisonsPerSecond);
        // Refilling never takes away what is left of the starting time; it adds only up to SavedSeconds' worth.
        _shadowMilliseconds = Math.Max(_shadowMilliseconds, Math.Min(_settings.ShadowMillisecondsPerSecond * SavedSeconds,
            _shadowMilliseconds + seconds * _settings.ShadowMillisecondsPerSecond));
        _refilledAt = now;
    }

    // Timestamp ticks until both buckets allow a comparison again, at least one, so rounding to 0 never keeps the next
    // check from taking the lock; rounding down only makes that check earlier, never a refill missed.
    private long TicksUntilRefilled()
    {
        var forToken = _tokens < 1 ? (1 - _tokens) / _settings.ComparisonsPerSecond : 0;
        var forTime = _shadowMilliseconds < 0 ? -_shadowMilliseconds / _settings.ShadowMillisecondsPerSecond : 0;
        return Math.Max(1, (long)(Math.Max(forToken, forTime) * _clock.TimestampFrequency));
    }
}

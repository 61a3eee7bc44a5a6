using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>
/// Runs a whole transaction attempt again after a serialization failure (40001) or deadlock (40P01): PostgreSQL
/// rolled that attempt back entirely, so running it again is safe. Bounded attempts, exponential jittered delays.
/// Nothing else is retried: other faults are answered (503) or fallen back from by the caller.
/// </summary>
public sealed class ConflictRetry
{
    private readonly ResiliencePipeline _pipeline;

    public ConflictRetry(IOptions<DatabaseFaultOptions> options, ILogger<ConflictRetry> logger)
    {
        var settings = options.Value;
        _pipeline = settings.ConflictRetries <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<PostgresException>(DatabaseFaults.IsRetryableConflict),
                MaxRetryAttempts = settings.ConflictRetries,
                Delay = TimeSpan.FromMilliseconds(settings.ConflictRetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = retry =>
                {
                    logger.LogInformation("Transaction attempt {Attempt} hit {SqlState}; running it again",
                        retry.AttemptNumber + 1, (retry.Outcome.Exception as PostgresException)?.SqlState);
                    return default;
                },
            }).Build();
    }

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(attempt, cancellationToken);
}

using CameraMonitor.Application.Rollout.Plans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Evaluates the active rollout plans every Rollout:Plans:EvaluationIntervalSeconds on the injected clock
/// (0 = never on this instance). A failed round is logged and the next one tries again.
/// </summary>
public sealed class RolloutPlanWorker(
    RolloutPlanEvaluator evaluator,
    IOptions<RolloutPlanOptions> options,
    TimeProvider clock,
    ILogger<RolloutPlanWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.EvaluationIntervalSeconds;
        if (seconds <= 0)
        {
            logger.LogInformation("Rollout plans are not evaluated on this instance (Rollout:Plans:EvaluationIntervalSeconds = 0)");
            return;
        }

        var interval = TimeSpan.FromSeconds(seconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await evaluator.EvaluateAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Evaluating the rollout plans failed; trying again in {Interval}", interval);
            }
        }
    }
}

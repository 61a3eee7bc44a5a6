using CameraMonitor.Infrastructure.Persistence.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence.Retention;

public sealed class PartitionMaintainerFaultTests
{
    [Fact]
    public async Task Execute_WhenTheDatabaseIsUnreachable_LogsAWarningAndKeepsRunning()
    {
        // Nothing listens on port 1: every connection attempt fails at once.
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=2;Username=nobody");
        var logger = new WarningSignal();
        using var meterFactory = new PlainMeterFactory();
        using var maintainer = new PartitionMaintainer(unreachable, new FakeTimeProvider(DateTimeOffset.UnixEpoch),
            Options.Create(new RetentionOptions { Days = 30 }), new RetentionMetrics(meterFactory), logger);

        await maintainer.StartAsync(CancellationToken.None);
        await logger.Warned.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(maintainer.ExecuteTask!.IsCompleted); // still waiting for its next interval, not crashed
        await maintainer.StopAsync(CancellationToken.None);
        Assert.False(maintainer.ExecuteTask.IsFaulted); // stopped by the host (cancelled), never by the fault
    }

    private sealed class WarningSignal : ILogger<PartitionMaintainer>
    {
        public TaskCompletionSource Warned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning && exception is NpgsqlException)
            {
                Warned.TrySetResult();
            }
        }
    }
}

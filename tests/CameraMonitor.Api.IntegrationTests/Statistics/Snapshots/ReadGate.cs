namespace CameraMonitor.Api.IntegrationTests.Statistics.Snapshots;

/// <summary>
/// Counts the reads that pass it and holds them while closed, so a test decides when a refresh may finish instead of
/// waiting for it; set <see cref="Failure"/> to make the reads fail instead.
/// </summary>
public sealed class ReadGate
{
    private readonly object _lock = new();
    private TaskCompletionSource _open = Opened();
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Exception? Failure { get; set; }

    public void Close()
    {
        lock (_lock)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Open()
    {
        lock (_lock)
        {
            _open.TrySetResult();
        }
    }

    public async Task PassAsync()
    {
        Interlocked.Increment(ref _reads);
        Task open;
        lock (_lock)
        {
            open = _open.Task;
        }

        await open;
        if (Failure is { } failure)
        {
            throw failure;
        }
    }

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        opened.SetResult();
        return opened;
    }
}

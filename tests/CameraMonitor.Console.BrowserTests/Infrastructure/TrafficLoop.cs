namespace CameraMonitor.Console.BrowserTests.Infrastructure;

/// <summary>
/// Steady read traffic from many client keys (so a percentage splits it) until disposed: the evidence plans judge
/// and charts draw. Answers are not asserted; the console's view of them is.
/// </summary>
public sealed class TrafficLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public TrafficLoop(HttpClient client, params string[] paths)
    {
        loop = Task.Run(async () =>
        {
            var request = 0;
            while (!stop.IsCancellationRequested)
            {
                foreach (var path in paths)
                {
                    using var message = new HttpRequestMessage(HttpMethod.Get, path);
                    message.Headers.Add("X-Client-Id", $"browser-test-client-{request++ % 400}");
                    try
                    {
                        using var response = await client.SendAsync(message, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                await Task.Delay(20, CancellationToken.None);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}

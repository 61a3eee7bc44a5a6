using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>
/// A loopback TCP proxy in front of PostgreSQL that, once armed with a marker, lets the COMMIT of the connection that
/// sent the marker (a value of the statement under test) reach the server and then cuts the client side instead of
/// relaying the server's reply: the transaction is committed, but the client never learns it. Other connections (the
/// host's background workers) pass untouched.
/// </summary>
public sealed class CommitCuttingProxy : IAsyncDisposable
{
    // The simple-protocol Query message "COMMIT": 'Q', length 11, the text, NUL ("READ COMMITTED" must not match).
    private static readonly byte[] Commit = [(byte)'Q', 0, 0, 0, 11, .. Encoding.ASCII.GetBytes("COMMIT"), 0];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _targetHost;
    private readonly int _targetPort;
    private int _armed;
    private byte[] _marker = [];
    private int _connections;

    public CommitCuttingProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Set once a COMMIT reply was swallowed.</summary>
    public bool Fired { get; private set; }

    /// <summary>Client connections accepted so far (to tell "not proxied" from "not cut").</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void ArmForCommitAfter(string marker)
    {
        _marker = Encoding.UTF8.GetBytes(marker);
        Volatile.Write(ref _armed, 1);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = RelayAsync(client);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            var cut = new TaskCompletionSource();
            var upstream = PumpAsync(client.GetStream(), server.GetStream(), inspect: true, cut);
            var downstream = PumpAsync(server.GetStream(), client.GetStream(), inspect: false, cut);
            await Task.WhenAny(upstream, downstream);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException
                                              or ObjectDisposedException)
        {
            // a connection ended
        }
        finally
        {
            client.Close();
            server.Close();
        }
    }

    /// <summary>Upstream marks the connection whose COMMIT went through; downstream then drops that reply and closes.</summary>
    private async Task PumpAsync(Stream from, Stream to, bool inspect, TaskCompletionSource cut)
    {
        var buffer = new byte[64 * 1024];
        var sawMarker = false;
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            var chunk = buffer.AsSpan(0, read);
            sawMarker |= inspect && Volatile.Read(ref _armed) == 1 && _marker.Length > 0 && chunk.IndexOf(_marker) >= 0;
            if (sawMarker && chunk.IndexOf(Commit) >= 0 && Interlocked.CompareExchange(ref _armed, 0, 1) == 1)
            {
                cut.TrySetResult();
            }
            else if (!inspect && cut.Task.IsCompleted)
            {
                Fired = true;
                return; // the reply to COMMIT is dropped; RelayAsync closes both sides
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 at a port chosen by the system: one request per
/// connection, answers from a route function, and a record of every request target in arrival
/// order (an absolute URI when it is used as a proxy). Stops on dispose.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private const int MaxHeadBytes = 16 << 10;
    private static readonly TimeSpan s_stopWait = TimeSpan.FromSeconds(5);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, LoopbackResponse> _route;
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;

    private readonly X509Certificate2? _certificate;

    /// <param name="certificate">With a certificate the server speaks HTTPS (TLS with that certificate).</param>
    public LoopbackHttpServer(Func<string, LoopbackResponse> route, X509Certificate2? certificate = null)
    {
        _route = route;
        _certificate = certificate;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"{(_certificate == null ? "http" : "https")}://127.0.0.1:{Port}";

    /// <summary>The request targets received so far, in order.</summary>
    public IReadOnlyList<string> Targets => [.. _targets];

    /// <summary>A loopback port with nothing listening on it (connections are refused).</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            Stream stream = client.GetStream();
            if (_certificate != null)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, timeout.Token);
                stream = tls;
            }
            await using var _stream = stream;
            var target = await ReadRequestTargetAsync(stream, timeout.Token);
            if (target == null)
                return;
            _targets.Enqueue(target);
            await _route(target).WriteAsync(stream, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or AuthenticationException)
        {
            // The client went away (or refused our certificate) or the server is stopping.
        }
    }

    // Reads the request head and returns the target of its request line ("GET <target> HTTP/1.1").
    private static async Task<string?> ReadRequestTargetAsync(Stream stream, CancellationToken token)
    {
        var head = new byte[MaxHeadBytes];
        int length = 0;
        while (length < head.Length)
        {
            int read = await stream.ReadAsync(head.AsMemory(length), token);
            if (read == 0)
                return null;
            length += read;
            var text = Encoding.ASCII.GetString(head, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var parts = text[..text.IndexOf('\r')].Split(' ');
                return parts.Length == 3 ? parts[1] : null;
            }
        }
        return null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Task.WaitAll([_accepting, .. _connections], s_stopWait);
        _stop.Dispose();
    }
}

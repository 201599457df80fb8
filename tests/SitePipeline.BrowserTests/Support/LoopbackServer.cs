using System.Net;
using System.Net.Sockets;

namespace Piuparts.SitePipeline.BrowserTests.Support;

/// <summary>
/// A static web server for a directory on 127.0.0.1 (a free port), as an operator's web server
/// serves the site: index.html for a directory, logs as text/plain. Records every request that
/// did not find a file.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".atom"] = "application/atom+xml",
        [".xml"] = "application/xml",
        [".log"] = "text/plain; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".yaml"] = "text/plain; charset=utf-8",
    };

    private readonly string _root;
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public LoopbackServer(string root)
    {
        _root = Path.GetFullPath(root);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    /// <summary>Paths asked for that were not there.</summary>
    public List<string> NotFound { get; } = [];

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // Each request on its own: a response the browser gives up on (a cancelled request
            // fails its write) must not stop the server, nor hold back the requests after it.
            _ = Task.Run(() => Respond(context));
        }
    }

    private async Task Respond(HttpListenerContext context)
    {
        try
        {
            using var response = context.Response;
            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var path = Path.GetFullPath(Path.Combine(_root, relative));
            if (Directory.Exists(path))
                path = Path.Combine(path, "index.html");
            if (!path.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(path))
            {
                lock (NotFound)
                    NotFound.Add(context.Request.Url.AbsolutePath);
                response.StatusCode = 404;
                return;
            }
            response.ContentType = Types.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            var bytes = await File.ReadAllBytesAsync(path);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser closed the connection first.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}

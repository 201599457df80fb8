using System.Net;
using System.Net.Security;
using Piuparts.Core.IO;

namespace Piuparts.Core.Archive;

/// <summary>
/// Opens a Packages or Sources index at a mirror URL (file://, http://, https://), trying the
/// compressed forms in piuparts' order: .xz, .bz2, .gz, then the plain file.
/// </summary>
/// <remarks>
/// Like piuparts, an HTTP error status moves on to the next form and any other network failure
/// stops at once. Unlike piuparts 1.1.7, a missing file:// form also moves on, and the plain
/// file works, so an uncompressed local mirror can be used.
/// </remarks>
public sealed class IndexFetcher : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <param name="proxy">piuparts.conf's [global] proxy: used for http:// URLs, as piuparts exports it as http_proxy.</param>
    /// <param name="timeout">For connecting, for the response headers, and for each read of the body (as piuparts' socket timeout).</param>
    public IndexFetcher(string? proxy = null, TimeSpan? timeout = null)
        : this(proxy, timeout, certificateCheck: null)
    {
    }

    /// <param name="certificateCheck">Replaces the system's certificate validation (tests pin their own certificate).</param>
    internal IndexFetcher(string? proxy, TimeSpan? timeout, RemoteCertificateValidationCallback? certificateCheck)
    {
        _timeout = timeout ?? DefaultTimeout;
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _timeout,
        };
        if (certificateCheck != null)
            handler.SslOptions.RemoteCertificateValidationCallback = certificateCheck;
        if (!string.IsNullOrWhiteSpace(proxy))
        {
            handler.Proxy = new HttpOnlyProxy(new Uri(proxy.Trim()));
            handler.UseProxy = true;
        }
        _http = new HttpClient(handler) { Timeout = _timeout };
    }

    /// <summary>
    /// A text that changes whenever what <see cref="Open"/> would read changes: for file:// each
    /// form's size and modification time, for HTTP the first form's ETag, Last-Modified and
    /// length (asked with HEAD). Null when that cannot be told (no validators, or an error).
    /// </summary>
    public string? Validator(string url)
    {
        bool isFile = FileUrl.IsFile(url);
        if (!isFile && !Uri.TryCreate(url, UriKind.Absolute, out _))
            return null;
        var parts = new List<string>();
        foreach (var compression in IndexCompressions.TryOrder)
        {
            var candidate = url + compression.Suffix();
            if (isFile)
            {
                var file = new FileInfo(FileUrl.PathOf(candidate));
                parts.Add(file.Exists ? $"{compression}:{file.Length}:{file.LastWriteTimeUtc.Ticks}" : $"{compression}:-");
                continue;
            }
            try
            {
                using var response = _http.Send(new HttpRequestMessage(HttpMethod.Head, candidate), HttpCompletionOption.ResponseHeadersRead);
                if (!response.IsSuccessStatusCode)
                {
                    parts.Add($"{compression}:{(int)response.StatusCode}");
                    continue;
                }
                var tag = response.Headers.ETag?.Tag;
                var modified = response.Content.Headers.LastModified;
                if (tag == null && modified == null)
                    return null;
                parts.Add($"{compression}:{tag}:{modified?.ToUnixTimeSeconds()}:{response.Content.Headers.ContentLength}");
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return null;
            }
        }
        return string.Join(' ', parts);
    }

    /// <summary>Opens the first form of <paramref name="url"/> that exists, decoded and read ahead on another thread.</summary>
    public FetchResult Open(string url)
    {
        bool isFile = FileUrl.IsFile(url);
        if (!isFile && (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https")))
            return FetchResult.Failed(url, $"unsupported URL '{url}' (use file://, file:relative/path, http:// or https://; is 'mirror' set?)");
        // Each form tried, with the HTTP status it got ("<url>: HTTP 404 Not Found").
        var tried = new List<string>();
        foreach (var compression in IndexCompressions.TryOrder)
        {
            var candidate = url + compression.Suffix();
            var (raw, error, tryNext) = isFile ? OpenFile(candidate) : OpenHttp(candidate);
            if (raw != null)
                return Decode(candidate, compression, raw);
            if (!tryNext)
                return FetchResult.Failed(url, error!);
            tried.Add(error ?? candidate);
        }
        return FetchResult.Failed(url, $"not found: {string.Join("; ", tried)}");
    }

    private static FetchResult Decode(string url, IndexCompression compression, Stream raw)
    {
        try
        {
            return FetchResult.Opened(url, new ReadAheadStream(compression.Decode(raw)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The bzip2 decoder reads its first block at once, so a corrupt .bz2 fails here
            // rather than on the first read.
            raw.Dispose();
            return FetchResult.Failed(url, $"{url}: cannot decode: {e.Message}");
        }
    }

    private static (Stream? Stream, string? Error, bool TryNext) OpenFile(string url)
    {
        var path = FileUrl.PathOf(url);
        try
        {
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), null, false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: {e.Message}", false);
        }
    }

    private (Stream? Stream, string? Error, bool TryNext) OpenHttp(string url)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = _http.Send(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                var status = $"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                response.Dispose();
                return (null, status, true);
            }
            return (new ResponseStream(response, _timeout), null, false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            response?.Dispose();
            var reason = e is TaskCanceledException ? "timed out" : Describe(e);
            return (null, $"{url}: {reason}", false);
        }
    }

    // HttpClient's own message is often only "An error occurred while sending the request.";
    // the reason (refused, reset, ended prematurely) is in the inner exception.
    private static string Describe(Exception e) =>
        e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.Message} ({inner.Message})"
            : e.Message;

    public void Dispose() => _http.Dispose();

    private sealed class HttpOnlyProxy(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri? GetProxy(Uri destination) =>
            destination.Scheme == Uri.UriSchemeHttp ? proxy : HttpClient.DefaultProxy.GetProxy(destination);

        public bool IsBypassed(Uri host) =>
            host.Scheme != Uri.UriSchemeHttp && HttpClient.DefaultProxy.IsBypassed(host);
    }

    // Keeps the response alive as long as its body is read, and bounds each read of the body:
    // HttpClient.Timeout stops counting once the headers are in, so a server that stops sending
    // in the middle of the body would otherwise block the load for ever.
    private sealed class ResponseStream(HttpResponseMessage response, TimeSpan timeout) : ReadOnlyStream
    {
        private const int BufferBytes = 64 << 10;
        private readonly Stream _body = response.Content.ReadAsStream();
        // Decoders read a few bytes at a time; each network read (and its timer) serves many of them.
        private readonly byte[] _buffer = new byte[BufferBytes];
        private readonly CancellationTokenSource _timer = new();
        private int _start;
        private int _end;

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
                return 0;
            if (_start == _end && !Refill())
                return 0;
            int n = Math.Min(buffer.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(buffer);
            _start += n;
            return n;
        }

        private bool Refill()
        {
            if (!_timer.TryReset())
                throw TimedOut();
            _timer.CancelAfter(timeout);
            try
            {
                _end = _body.ReadAsync(_buffer, _timer.Token).AsTask().GetAwaiter().GetResult();
                _start = 0;
                return _end > 0;
            }
            catch (OperationCanceledException) when (_timer.IsCancellationRequested)
            {
                throw TimedOut();
            }
        }

        private IOException TimedOut() =>
            new($"{response.RequestMessage?.RequestUri}: no data for {timeout.TotalSeconds:0.###} s, timed out");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _body.Dispose();
                response.Dispose();
                _timer.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

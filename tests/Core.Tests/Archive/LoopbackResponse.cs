using System.Net.Sockets;
using System.Text;

namespace Piuparts.Core.Tests.Archive;

/// <summary>What <see cref="LoopbackHttpServer"/> answers to one request.</summary>
internal sealed record LoopbackResponse(int Status, byte[] Body)
{
    public static readonly LoopbackResponse NotFound = new(404, "not found\n"u8.ToArray());

    public static readonly LoopbackResponse ServerError = new(500, "broken\n"u8.ToArray());

    /// <summary>Closes the connection without sending anything: a failure that is not an HTTP status.</summary>
    public static readonly LoopbackResponse HangUp = new(0, []) { Silent = true };

    public static LoopbackResponse Ok(byte[] body) => new(200, body);

    /// <summary>Sends the full Content-Length but only this many body bytes.</summary>
    public int? CutAfter { get; init; }

    /// <summary>After the cut, keep the connection open and silent until the server stops (else close it).</summary>
    public bool StallAtCut { get; init; }

    /// <summary>Sends nothing; with <see cref="StallAtCut"/>, keeps the connection open until the server stops.</summary>
    public bool Silent { get; init; }

    public async Task WriteAsync(Stream stream, CancellationToken token)
    {
        if (Silent)
        {
            if (StallAtCut)
                await Task.Delay(Timeout.Infinite, token);
            return;
        }
        var reason = Status switch { 200 => "OK", 404 => "Not Found", 500 => "Internal Server Error", _ => "Status" };
        var head = $"HTTP/1.1 {Status} {reason}\r\nContent-Length: {Body.Length}\r\n" +
            "Content-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
        await stream.WriteAsync(Body.AsMemory(0, Math.Min(CutAfter ?? Body.Length, Body.Length)), token);
        await stream.FlushAsync(token);
        if (CutAfter != null && StallAtCut)
            await Task.Delay(Timeout.Infinite, token);
    }
}

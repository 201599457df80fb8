using System.Text;
using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Tests.Pipeline;

public sealed class PieceCacheTests
{
    [Fact]
    public void A_piece_cache_finds_nothing_under_a_fingerprint_it_does_not_hold()
    {
        using var output = new TemporaryDirectory();
        var cache = PieceCache.Load(output.Path, "sid/state-x.html");
        cache.Save([("print-1", Encoding.UTF8.GetBytes("<li>a</li>"))]);

        var reloaded = PieceCache.Load(output.Path, "sid/state-x.html");

        Assert.Null(reloaded.Find("print-2"));
        Assert.Equal("<li>a</li>", Encoding.UTF8.GetString(reloaded.Find("print-1")!.Value.Span));
    }
}

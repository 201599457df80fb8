using System.Diagnostics;
using Piuparts.Core.Archive;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// IndexFetcher against real HTTP servers on 127.0.0.1 (package-states.md §2.2): the order in
/// which forms are requested, which failures move on to the next form, and the proxy setting.
/// </summary>
public sealed class IndexFetcherHttpTests
{
    private const string PackagesPath = "/debian/dists/bookworm/main/binary-amd64/Packages";
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(20);

    private static readonly string[] s_allTargets =
        [PackagesPath + ".xz", PackagesPath + ".bz2", PackagesPath + ".gz", PackagesPath];

    // A mirror that answers the given paths and 404 for everything else.
    private static LoopbackHttpServer Mirror(params (string Path, LoopbackResponse Response)[] files)
    {
        var byPath = files.ToDictionary(f => f.Path, f => f.Response);
        return new LoopbackHttpServer(target => byPath.GetValueOrDefault(target, LoopbackResponse.NotFound));
    }

    // Runs a blocking call on the thread pool and fails the test instead of hanging.
    private static T Bounded<T>(Func<T> call) => Task.Run(call).WaitAsync(s_bound).GetAwaiter().GetResult();

    private static byte[] OpenAndRead(IndexFetcher fetcher, string url, out FetchResult result)
    {
        var opened = Bounded(() => fetcher.Open(url));
        result = opened;
        Assert.True(opened.Succeeded, opened.Error);
        using var content = opened.Content!;
        return Bounded(() => ExcerptForms.ReadToEnd(content));
    }

    [Fact]
    public void Forms_are_requested_as_xz_bz2_gz_then_plain_and_a_404_moves_on_to_the_next()
    {
        using var server = Mirror(
            (PackagesPath + ".gz", LoopbackResponse.Ok(ExcerptForms.Gzip)),
            (PackagesPath, LoopbackResponse.Ok(ExcerptForms.Plain)));
        using var fetcher = new IndexFetcher();

        var bytes = OpenAndRead(fetcher, server.BaseUrl + PackagesPath, out var result);

        Assert.Equal(server.BaseUrl + PackagesPath + ".gz", result.Url);
        Assert.Equal(ExcerptForms.Plain, bytes);
        Assert.Equal(s_allTargets[..3], server.Targets);
    }

    [Theory]
    [InlineData(IndexCompression.Xz, 1)]
    [InlineData(IndexCompression.Bzip2, 2)]
    [InlineData(IndexCompression.Gzip, 3)]
    [InlineData(IndexCompression.None, 4)]
    public void Each_form_served_over_http_decodes_to_the_plain_index(IndexCompression form, int requests)
    {
        using var server = Mirror((PackagesPath + form.Suffix(), LoopbackResponse.Ok(ExcerptForms.Bytes(form))));
        using var fetcher = new IndexFetcher();

        var bytes = OpenAndRead(fetcher, server.BaseUrl + PackagesPath, out var result);

        Assert.Equal(server.BaseUrl + PackagesPath + form.Suffix(), result.Url);
        Assert.Equal(ExcerptForms.Plain, bytes);
        Assert.Equal(s_allTargets[..requests], server.Targets);
    }

    [Fact]
    public void When_every_form_answers_an_error_status_the_error_names_each_url_with_its_status()
    {
        using var server = Mirror((PackagesPath + ".gz", LoopbackResponse.ServerError));
        using var fetcher = new IndexFetcher();
        var url = server.BaseUrl + PackagesPath;

        var result = Bounded(() => fetcher.Open(url));

        Assert.False(result.Succeeded);
        Assert.Equal(url, result.Url);
        Assert.Equal(s_allTargets, server.Targets);
        Assert.Contains($"{url}.xz: HTTP 404", result.Error);
        Assert.Contains($"{url}.bz2: HTTP 404", result.Error);
        Assert.Contains($"{url}.gz: HTTP 500", result.Error);
        Assert.Contains($"{url}: HTTP 404", result.Error);
    }

    [Fact]
    public void A_server_error_status_also_moves_on_to_the_next_form()
    {
        using var server = Mirror(
            (PackagesPath + ".xz", LoopbackResponse.ServerError),
            (PackagesPath + ".bz2", new LoopbackResponse(403, "forbidden\n"u8.ToArray())),
            (PackagesPath + ".gz", LoopbackResponse.Ok(ExcerptForms.Gzip)));
        using var fetcher = new IndexFetcher();

        var bytes = OpenAndRead(fetcher, server.BaseUrl + PackagesPath, out var result);

        Assert.Equal(server.BaseUrl + PackagesPath + ".gz", result.Url);
        Assert.Equal(ExcerptForms.Plain, bytes);
        Assert.Equal(s_allTargets[..3], server.Targets);
    }

    [Fact]
    public void A_refused_connection_fails_at_once_and_names_the_url()
    {
        var url = $"http://127.0.0.1:{LoopbackHttpServer.ClosedPort()}{PackagesPath}";
        using var fetcher = new IndexFetcher();
        var clock = Stopwatch.StartNew();

        var result = Bounded(() => fetcher.Open(url));

        Assert.False(result.Succeeded);
        Assert.Equal(url, result.Url);
        Assert.Contains(url + ".xz", result.Error);
        Assert.DoesNotContain(".bz2", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_connection_closed_without_an_answer_stops_the_search_without_trying_other_forms()
    {
        using var server = Mirror(
            (PackagesPath + ".xz", LoopbackResponse.HangUp),
            (PackagesPath + ".gz", LoopbackResponse.Ok(ExcerptForms.Gzip)));
        using var fetcher = new IndexFetcher();
        var url = server.BaseUrl + PackagesPath;

        var result = Bounded(() => fetcher.Open(url));

        Assert.False(result.Succeeded);
        Assert.Contains(url + ".xz", result.Error);
        // HttpClient may retry the same request on a fresh connection; it must never go on to .bz2.
        Assert.NotEmpty(server.Targets);
        Assert.All(server.Targets, target => Assert.Equal(PackagesPath + ".xz", target));
        Assert.Contains("(", result.Error);
    }

    [Fact]
    public void With_a_proxy_http_requests_go_to_the_proxy_with_the_absolute_url()
    {
        // The mirror's port has nothing listening: only the proxy can answer.
        var url = $"http://127.0.0.1:{LoopbackHttpServer.ClosedPort()}{PackagesPath}";
        using var proxy = new LoopbackHttpServer(target =>
            target == url + ".bz2" ? LoopbackResponse.Ok(ExcerptForms.Bzip2) : LoopbackResponse.NotFound);
        using var fetcher = new IndexFetcher(proxy: proxy.BaseUrl);

        var bytes = OpenAndRead(fetcher, url, out var result);

        Assert.Equal(url + ".bz2", result.Url);
        Assert.Equal(ExcerptForms.Plain, bytes);
        Assert.Equal([url + ".xz", url + ".bz2"], proxy.Targets);
    }

    [Fact]
    public void Without_a_proxy_setting_requests_go_straight_to_the_mirror()
    {
        using var server = Mirror((PackagesPath + ".xz", LoopbackResponse.Ok(ExcerptForms.Xz)));
        using var fetcher = new IndexFetcher(proxy: "  ");

        var bytes = OpenAndRead(fetcher, server.BaseUrl + PackagesPath, out _);

        Assert.Equal(ExcerptForms.Plain, bytes);
        Assert.Equal([PackagesPath + ".xz"], server.Targets);
    }

    [Fact]
    public void A_download_cut_short_by_the_server_gives_an_input_error_naming_the_url()
    {
        using var server = Mirror((PackagesPath + ".gz", LoopbackResponse.Ok(ExcerptForms.Gzip) with { CutAfter = 200_000 }));
        using var fetcher = new IndexFetcher();
        var url = server.BaseUrl + PackagesPath;

        var result = Bounded(() => new IndexLoader(fetcher).LoadBinaries([url]));

        Assert.Null(result.Index);
        Assert.Equal(url + ".gz", Assert.Single(result.Errors).File);
    }

    [Fact]
    public void A_download_that_stops_sending_fails_after_the_timeout_with_an_error_naming_the_url()
    {
        using var server = Mirror((PackagesPath + ".xz", LoopbackResponse.Ok(ExcerptForms.Xz) with { CutAfter = 100_000, StallAtCut = true }));
        using var fetcher = new IndexFetcher(timeout: TimeSpan.FromSeconds(1));
        var url = server.BaseUrl + PackagesPath;
        var clock = Stopwatch.StartNew();

        var result = Bounded(() => new IndexLoader(fetcher).LoadBinaries([url]));

        Assert.Null(result.Index);
        var error = Assert.Single(result.Errors);
        Assert.Equal(url + ".xz", error.File);
        Assert.Contains("timed out", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_server_that_never_answers_fails_after_the_timeout_with_an_error_naming_the_url()
    {
        using var server = Mirror((PackagesPath + ".xz", new LoopbackResponse(200, []) { Silent = true, StallAtCut = true }));
        using var fetcher = new IndexFetcher(timeout: TimeSpan.FromSeconds(1));
        var url = server.BaseUrl + PackagesPath;
        var clock = Stopwatch.StartNew();

        var result = Bounded(() => fetcher.Open(url));

        Assert.False(result.Succeeded);
        Assert.Contains(url + ".xz", result.Error);
        Assert.Contains("timed out", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}

using Microsoft.Playwright;
using Piuparts.SitePipeline.BrowserTests.Support;
using Piuparts.SitePipeline.Tests.Support;
using Xunit.Abstractions;

namespace Piuparts.SitePipeline.BrowserTests;

/// <summary>
/// The sample site in a real browser: Debian's chromium, headless, driven by Playwright (which
/// cannot download a browser here, so it is given Debian's; tools/install-test-deps.sh installs
/// it). The site is served from a loopback HTTP server, and opened from the file system too.
/// Screenshots land in the test's output directory, under artifacts/.
/// </summary>
public sealed class SampleSiteInBrowserTests(SampleSite sample, ITestOutputHelper output) : IClassFixture<SampleSite>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly SampleSite _sample = sample;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<string> _problems = [];

    public async Task InitializeAsync()
    {
        Assert.True(_sample.ExitCode == 0, _sample.Error);
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run tools/install-test-deps.sh (apt-get install chromium)");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser != null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    // A page whose console errors, uncaught exceptions, failed requests and error responses are all recorded.
    private async Task<IPage> NewPage()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _problems.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => _problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                _problems.Add($"{response.Status}: {response.Url}");
        };
        return page;
    }

    private static string Artifacts()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        return directory;
    }

    [Fact]
    public async Task A_reader_follows_links_to_a_state_page_a_source_page_and_a_log_searches_a_package_and_switches_to_the_dark_scheme()
    {
        using var server = new LoopbackServer(_sample.Site);
        var page = await NewPage();

        await page.GotoAsync(server.BaseUrl + "index.html");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts(), "index.png"), FullPage = true });
        await page.ClickAsync("nav.sidebar a[href='bookworm/index.html']");
        await page.WaitForURLAsync(server.BaseUrl + "bookworm/index.html");
        await page.ClickAsync("table.counts a[href='state-failed-testing.html']");
        await page.WaitForURLAsync(server.BaseUrl + "bookworm/state-failed-testing.html");
        var first = page.Locator("ul.packages > li > a").First;
        var package = await first.TextContentAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/bookworm/source/**");
        Assert.Contains(package!, await page.Locator("table.source").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts(), "source.png"), FullPage = true });
        var log = page.Locator("table.source a.log").First;
        var logHref = await log.GetAttributeAsync("href");
        await log.ClickAsync();
        await page.WaitForURLAsync("**/*.log");
        Assert.EndsWith(".log", page.Url, StringComparison.Ordinal);
        Assert.Contains("piuparts", await page.Locator("body").TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        output.WriteLine($"followed index -> bookworm -> failed-testing -> {package} -> {logHref}");

        await page.GotoAsync(server.BaseUrl + "index.html");
        await page.FillAsync("#SiteSearch", "atlas");
        await page.PressAsync("#SiteSearch", "Enter");
        await page.WaitForURLAsync(server.BaseUrl + "bookworm/source/a/atlas.html");

        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        Assert.Equal("rgb(22, 24, 27)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts(), "source-dark.png"), FullPage = true });

        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
        Assert.True(server.NotFound.Count == 0, string.Join("\n", server.NotFound));
        output.WriteLine($"screenshots: {Artifacts()}");
    }

    [Fact]
    public async Task The_search_page_shows_the_results_of_its_query_from_a_server_and_from_the_file_system()
    {
        using var server = new LoopbackServer(_sample.Site);
        var page = await NewPage();

        foreach (var url in new[] { server.BaseUrl + "search.html?q=libatlas", new Uri(_sample.Page("search.html")).AbsoluteUri + "?q=libatlas" })
        {
            await page.GotoAsync(url);
            var results = page.Locator("#SearchResults ul.results li a");
            await results.First.WaitForAsync();

            Assert.Equal(["libatlas-base-dev", "libatlas3-base"], await results.AllTextContentsAsync());
            Assert.Equal("bookworm/source/a/atlas.html", await results.First.GetAttributeAsync("href"));
            Assert.Equal("libatlas", await page.InputValueAsync("#SiteSearch"));
        }
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }
}

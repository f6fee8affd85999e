using Microsoft.Playwright;

namespace Alluxio.Testing.Browser;

/// <summary>
/// One headless Chromium for a test's page visits, so that the web UI is checked the way a person sees it: the
/// page a browser renders after its scripts ran, with what went wrong on the way (console errors, uncaught
/// exceptions, failed or refused requests) recorded for each visit.
/// </summary>
/// <remarks>
/// Playwright drives Debian's Chromium (eng/install-test-tools.sh installs it) and never downloads a browser of
/// its own: this machine reaches package registries only. Its driver (node and its JS package) comes with the
/// NuGet package and is copied to the output of test projects that set UsesBrowser (Directory.Build.targets).
/// </remarks>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Debian's chromium package; its launcher script adds the distribution's flags.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long a visit waits, after the load event, for the page's own requests (fetches of data) to end.</summary>
    private static readonly TimeSpan s_requestsWait = TimeSpan.FromSeconds(5);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private Task<IPage> _nextPage;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, string artifactsFolder)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        ArtifactsFolder = artifactsFolder;

        // Each visit has a page of its own, made while the visit before it runs: a new page costs the browser a new
        // renderer, which would otherwise be most of a visit's time.
        _nextPage = context.NewPageAsync();
    }

    /// <summary>Where screenshots go, e.g. <see cref="TestArtifacts.FolderFor"/>.</summary>
    public string ArtifactsFolder { get; }

    /// <summary>Starts the Playwright driver and one Chromium, with one browser context (cookies, storage) for every visit.</summary>
    /// <exception cref="InvalidOperationException">Chromium or the Playwright driver is missing, with what to do about it.</exception>
    public static async Task<BrowserSession> StartAsync(string artifactsFolder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(artifactsFolder);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: run eng/install-test-tools.sh (it installs Debian's chromium package).");
        }

        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        if (!Directory.Exists(driver))
        {
            throw new InvalidOperationException(
                $"No Playwright driver at {driver}: set <UsesBrowser>true</UsesBrowser> in the test project (see Directory.Build.targets).");
        }

        Directory.CreateDirectory(artifactsFolder);
        cancellationToken.ThrowIfCancellationRequested();
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        IBrowser? browser = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // Tests may run as root, where Chromium's sandbox refuses to start.
                Args = ["--no-sandbox"],
            }).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            }).ConfigureAwait(false);
            return new BrowserSession(playwright, browser, context, artifactsFolder);
        }
        catch
        {
            if (browser is not null)
            {
                await browser.CloseAsync().ConfigureAwait(false);
            }

            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a new page and waits until it loaded and its own requests ended (at most
    /// a few seconds more), then takes what the page shows. Problems keep being recorded while the visit is open.
    /// </summary>
    /// <remarks>A navigation that fails (refused, timed out) is one of the visit's problems, not an exception.</remarks>
    public async Task<PageVisit> VisitAsync(string url, CancellationToken cancellationToken)
    {
        var requested = new Uri(url, UriKind.Absolute);
        cancellationToken.ThrowIfCancellationRequested();
        var page = await _nextPage.WaitAsync(cancellationToken).ConfigureAwait(false);
        _nextPage = _context.NewPageAsync();
        var visit = new PageVisit(page, requested);
        try
        {
            IResponse? response = null;
            try
            {
                response = await page.GotoAsync(requested.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
            {
                // A link to a file the server sends as an attachment: nothing to render, and nothing wrong.
                return visit;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                visit.CaptureFailure($"navigation to {requested.AbsoluteUri} failed: {FirstLine(e.Message)}");
                return visit;
            }

            try
            {
                // Not Playwright's "networkidle", which waits out 500 ms of silence after every page, most of a
                // visit's time here: the page's own requests are counted, so a page without any is taken at once.
                await visit.RequestsEndedAsync().WaitAsync(s_requestsWait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A page that polls never goes quiet; what it showed after the load event is what is checked.
            }

            cancellationToken.ThrowIfCancellationRequested();
            await visit.CaptureAsync(response).ConfigureAwait(false);
            return visit;
        }
        catch
        {
            await visit.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Saves a full-page PNG of <paramref name="visit"/>'s page as <paramref name="name"/>.png in <see cref="ArtifactsFolder"/>.</summary>
    /// <returns>The file's path.</returns>
    public async Task<string> ScreenshotAsync(PageVisit visit, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var invalid = Path.GetInvalidFileNameChars();
        var file = new string([.. name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c)]);
        if (!file.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            file += ".png";
        }

        var path = Path.Combine(ArtifactsFolder, file);
        await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Type = ScreenshotType.Png })
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The page made for a visit that never came; closing the context below closes it.
            await _nextPage.ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The browser is gone already; closing below says so if it matters.
        }

        await _context.CloseAsync().ConfigureAwait(false);
        await _browser.CloseAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

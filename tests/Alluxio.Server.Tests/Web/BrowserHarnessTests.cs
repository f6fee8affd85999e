using Alluxio.Testing.Browser;

namespace Alluxio.Server.Tests.Web;

/// <summary>
/// The browser harness against a tiny site whose faults are known, so that a web UI test that passes means the
/// pages are clean rather than that the harness saw nothing.
/// </summary>
public sealed class BrowserHarnessTests(BrowserHarnessFixture site) : IClassFixture<BrowserHarnessFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACleanPageHasNoProblemAndItsScreenshotIsSaved()
    {
        await using var visit = await site.Browser.VisitAsync(site.Url("clean"), Token);

        visit.AssertNoProblems();
        Assert.Equal(200, visit.Status);
        Assert.Contains("Nothing wrong here", visit.Text, StringComparison.Ordinal);
        Assert.Contains("<h1>Clean</h1>", visit.Html, StringComparison.Ordinal);
        var screenshot = await site.Browser.ScreenshotAsync(visit, "clean page", Token);
        Assert.Equal(Path.Combine(site.Browser.ArtifactsFolder, "clean_page.png"), screenshot);
        var png = await File.ReadAllBytesAsync(screenshot, Token);
        Assert.True(png.Length > 1000, $"{screenshot} has {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task AConsoleErrorIsAProblem()
    {
        await using var visit = await site.Browser.VisitAsync(site.Url("console"), Token);

        var problem = Assert.Single(visit.Problems);
        Assert.StartsWith("console error: deliberate console error", problem, StringComparison.Ordinal);
        var failure = Assert.Throws<InvalidOperationException>(visit.AssertNoProblems);
        Assert.Contains("deliberate console error", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUncaughtExceptionAndAMissingImageAreProblems()
    {
        await using var visit = await site.Browser.VisitAsync(site.Url("faulty"), Token);

        Assert.Contains(visit.Problems, p => p.StartsWith("uncaught exception:", StringComparison.Ordinal) && p.Contains("deliberate exception", StringComparison.Ordinal));
        Assert.Contains($"HTTP 404 for GET {site.Url("missing.png")}", visit.Problems);
    }

    [Fact]
    public async Task AMissingImageIsOneProblemNotAlsoChromiumsConsoleLineAboutIt()
    {
        await using var visit = await site.Browser.VisitAsync(site.Url("broken-image"), Token);

        // Console lines arrive in order: once this one is seen, so is the line Chromium logged about the image.
        await visit.Page.RunAndWaitForConsoleMessageAsync(
            () => visit.Page.EvaluateAsync("() => console.error('last line')"),
            new() { Predicate = m => m.Text == "last line" });

        Assert.Equal(200, visit.Status);
        Assert.Equal(2, visit.Problems.Count);
        Assert.Equal($"HTTP 404 for GET {site.Url("missing.png")}", visit.Problems[0]);
        Assert.StartsWith("console error: last line", visit.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitWaitsForThePagesOwnRequestsAfterItLoaded()
    {
        await using var visit = await site.Browser.VisitAsync(site.Url("fetching"), Token);

        Assert.Contains($"HTTP 500 for GET {site.Url("late-data")}", visit.Problems);
    }

    [Fact]
    public async Task ThePagesLinksAreSameOriginAndAbsolute()
    {
        await using var visit = await site.Browser.VisitAsync(site.Url(""), Token);

        Assert.Equal(
            [new Uri(site.Url("second")), new Uri(site.Url("missing")), new Uri(site.Url("clean#top"))],
            visit.Links);
    }

    [Fact]
    public async Task TheLinkCheckerReportsTheBrokenLinkAndNothingElse()
    {
        var report = await new LinkChecker(site.Browser).CheckAsync(new Uri(site.Url("")), maxPages: 10, Token);

        Assert.Equal(
            [site.Url(""), site.Url("second"), site.Url("missing"), site.Url("clean")],
            report.Pages.Select(p => p.Url.AbsoluteUri));
        Assert.Equal([$"broken link {site.Url("missing")} from {site.Url("")}: 404"], report.Problems);
        Assert.Empty(report.NotVisited);
        Assert.Empty(report.PageAt(new Uri(site.Url("second")))!.Problems);
        Assert.Contains("Second page", report.PageAt(new Uri(site.Url("second")))!.Visit.Text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(report.AssertNoProblems);
    }

    [Fact]
    public async Task TheLinkCheckerStopsAtItsPageBound()
    {
        var report = await new LinkChecker(site.Browser).CheckAsync(new Uri(site.Url("")), maxPages: 2, Token);

        Assert.Equal([site.Url(""), site.Url("second")], report.Pages.Select(p => p.Url.AbsoluteUri));
        Assert.Equal([new Uri(site.Url("missing")), new Uri(site.Url("clean"))], report.NotVisited);
        Assert.Empty(report.Problems);
    }
}

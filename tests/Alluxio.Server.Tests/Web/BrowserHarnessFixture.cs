using Alluxio.Testing;
using Alluxio.Testing.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alluxio.Server.Tests.Web;

/// <summary>
/// A small Kestrel site with known faults (a console error, an uncaught exception, missing images, a link to a
/// missing page, a failed fetch after loading) and one browser session for <see cref="BrowserHarnessTests"/>, both
/// started once for the class.
/// </summary>
public sealed class BrowserHarnessFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private BrowserSession? _browser;
    private string _base = "";

    public BrowserSession Browser => _browser ?? throw new InvalidOperationException("The fixture was not initialized.");

    /// <summary>The absolute URL of <paramref name="path"/> on the site.</summary>
    public string Url(string path) => _base + path;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/", () => Page("Home", """<p><a href="/second">Second</a> <a href="missing">Missing</a> <a href="/clean#top">Clean</a> <a href="http://example.invalid/">Elsewhere</a></p>"""));
        _app.MapGet("/second", () => Page("Second", """<p>Second page. <a href="/">Home</a></p>"""));
        _app.MapGet("/clean", () => Page("Clean", "<p>Nothing wrong here.</p>"));
        _app.MapGet("/console", () => Page("Console", "<script>console.error('deliberate console error');</script>"));
        _app.MapGet("/broken-image", () => Page("Broken image", """<img src="/missing.png" alt="">"""));
        _app.MapGet("/faulty", () => Page("Faulty", """<img src="/missing.png" alt=""><script>throw new Error('deliberate exception');</script>"""));

        // Data a page fetches once loaded, and slowly: a visit that did not wait for the page's own requests would
        // take the page before the failure came.
        _app.MapGet("/fetching", () => Page("Fetching", "<script>addEventListener('load', () => fetch('/late-data'));</script>"));
        _app.MapGet("/late-data", async (CancellationToken aborted) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), aborted);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        });
        var token = TestContext.Current.CancellationToken;
        await _app.StartAsync(token);
        _base = _app.Urls.Single().TrimEnd('/') + "/";
        _browser = await BrowserSession.StartAsync(TestArtifacts.FolderFor(nameof(BrowserHarnessTests)), token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A whole page; an empty favicon link keeps Chromium from asking for /favicon.ico, which the site lacks.</summary>
    private static IResult Page(string title, string body) => Results.Content(
        $"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,"></head><body><h1>{title}</h1>{body}</body></html>""",
        "text/html; charset=utf-8");
}

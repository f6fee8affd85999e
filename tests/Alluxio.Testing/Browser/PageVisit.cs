using System.Globalization;
using Microsoft.Playwright;

namespace Alluxio.Testing.Browser;

/// <summary>
/// One page opened by <see cref="BrowserSession.VisitAsync"/>: what it showed once loaded, and every problem
/// seen while it was open, so that a test asserts on the rendered page and on a clean console at once.
/// </summary>
/// <remarks>
/// Problems are console messages of type error, uncaught exceptions, failed requests, and responses of 400 or
/// more to requests of the visited URL's origin (another origin's answers are not this server's fault).
/// Disposing closes the page; what was captured stays readable.
/// </remarks>
public sealed class PageVisit : IAsyncDisposable
{
    /// <summary>How Chromium fails a navigation whose answer is an error status with an empty body.</summary>
    internal const string HttpStatusFailure = "net::ERR_HTTP_RESPONSE_CODE_FAILURE";

    private readonly Lock _gate = new();
    private readonly List<string> _problems = [];
    private bool _closed;
    private IResponse? _documentResponse;

    internal PageVisit(IPage page, Uri requested)
    {
        Page = page;
        RequestedUrl = requested;
        FinalUrl = requested;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                AddProblem($"console error: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => AddProblem($"uncaught exception: {error}");
        page.RequestFailed += (_, request) =>
        {
            // Chromium fails the navigation to an error status with an empty body; the status is the problem, and
            // it is recorded below.
            if (request.Failure != HttpStatusFailure)
            {
                AddProblem($"request failed: {request.Method} {request.Url}: {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                lock (_gate)
                {
                    _documentResponse = response;
                }
            }

            if (response.Status >= 400 && SameOrigin(new Uri(response.Url), requested))
            {
                AddProblem(BadStatus(response));
            }
        };
    }

    /// <summary>The open page, for clicks, typing and queries beyond what the visit captured.</summary>
    public IPage Page { get; }

    /// <summary>The URL that was asked for.</summary>
    public Uri RequestedUrl { get; }

    /// <summary>Where the browser ended up, after redirects.</summary>
    public Uri FinalUrl { get; private set; }

    /// <summary>The HTTP status of the page's document; null when the navigation failed or started a download.</summary>
    public int? Status { get; private set; }

    /// <summary>The document as the browser holds it after its scripts ran (<c>page.content()</c>).</summary>
    public string Html { get; private set; } = "";

    /// <summary>What a person reads: the body's innerText.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The <c>href</c>s of the page's <c>a</c> elements that point to its own origin, absolute, in page order, each once.</summary>
    public IReadOnlyList<Uri> Links { get; private set; } = [];

    /// <summary>The problems seen so far, in the order they happened.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>The problem that the document's own status of 400 or more recorded, for a link checker to say it better.</summary>
    internal string? DocumentProblem { get; private set; }

    /// <summary>Throws, listing every problem, when the visit saw any.</summary>
    /// <exception cref="InvalidOperationException">There were problems.</exception>
    public void AssertNoProblems()
    {
        var problems = Problems;
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{problems.Count} problem(s) on {FinalUrl}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            // Closing aborts the page's requests still in flight; those failures are the test's doing.
            _closed = true;
        }

        await Page.CloseAsync().ConfigureAwait(false);
    }

    internal void AddProblem(string problem)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _problems.Add(problem);
            }
        }
    }

    /// <summary>Takes the document's status, HTML, text and links once the page has loaded.</summary>
    internal async Task CaptureAsync(IResponse? response)
    {
        CaptureStatus(response);
        if (Uri.TryCreate(Page.Url, UriKind.Absolute, out var shown) && SameOrigin(shown, shown))
        {
            // Where the page is now, after redirects and its own history changes.
            FinalUrl = shown;
        }

        Html = await Page.ContentAsync().ConfigureAwait(false);
        Text = await Page.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''").ConfigureAwait(false);
        var hrefs = await Page.EvaluateAsync<string?[]>(
            """
            () => Array.from(document.querySelectorAll('a[href]'), a => {
              try { return new URL(a.getAttribute('href'), document.baseURI).href; } catch { return null; }
            })
            """).ConfigureAwait(false);
        var links = new List<Uri>();
        foreach (var href in hrefs)
        {
            if (Uri.TryCreate(href, UriKind.Absolute, out var link) && SameOrigin(link, FinalUrl) && !links.Contains(link))
            {
                links.Add(link);
            }
        }

        Links = links;
    }

    /// <summary>
    /// After a navigation that threw: the document's status when one came (an error status with an empty body,
    /// already a problem), or else <paramref name="failure"/> as the problem. The browser shows its own error
    /// page then, so there is no content to take.
    /// </summary>
    internal void CaptureFailure(string failure)
    {
        CaptureStatus(_documentResponse);
        if (Status is null)
        {
            AddProblem(failure);
        }
    }

    private void CaptureStatus(IResponse? response)
    {
        lock (_gate)
        {
            response ??= _documentResponse;
        }

        Status = response?.Status;
        if (response is { Status: >= 400 })
        {
            DocumentProblem = BadStatus(response);
        }

        FinalUrl = response is not null && Uri.TryCreate(response.Url, UriKind.Absolute, out var final) ? final : RequestedUrl;
    }

    internal static bool SameOrigin(Uri a, Uri b) =>
        (a.Scheme == Uri.UriSchemeHttp || a.Scheme == Uri.UriSchemeHttps)
        && Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string BadStatus(IResponse response) =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {response.Status} for {response.Request.Method} {response.Url}");
}

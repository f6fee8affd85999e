using System.Globalization;
using System.Text.Json;
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

    /// <summary>How Chromium's console line about a failed resource (an error status, a refused request) begins.</summary>
    private const string FailedResourceLog = "Failed to load resource:";

    private readonly Lock _gate = new();
    private readonly List<string> _problems = [];
    private bool _closed;
    private IResponse? _documentResponse;
    private int _requestsInFlight;
    private TaskCompletionSource? _requestsEnded;

    internal PageVisit(IPage page, Uri requested)
    {
        Page = page;
        RequestedUrl = requested;
        FinalUrl = requested;
        page.Console += (_, message) =>
        {
            // Chromium also logs each failed resource to the console, at no fixed moment. The request and response
            // events below report the same failure as it happens, and know its origin, so they alone count.
            if (message.Type == "error" && !message.Text.StartsWith(FailedResourceLog, StringComparison.Ordinal))
            {
                AddProblem($"console error: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => AddProblem($"uncaught exception: {error}");
        page.Request += (_, _) => CountRequest(+1);
        page.RequestFinished += (_, _) => CountRequest(-1);
        page.RequestFailed += (_, request) =>
        {
            CountRequest(-1);

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

    /// <summary>
    /// Completes once no request of the page is in flight: at once for a page whose resources all came before its
    /// load event, later for one that fetches data. Each request is counted from its start to its end (finished,
    /// failed or redirected), in the order the browser reports them.
    /// </summary>
    internal Task RequestsEndedAsync()
    {
        lock (_gate)
        {
            return _requestsInFlight == 0 ? Task.CompletedTask : (_requestsEnded ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
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

    private void CountRequest(int change)
    {
        TaskCompletionSource? ended = null;
        lock (_gate)
        {
            _requestsInFlight += change;
            if (_requestsInFlight == 0)
            {
                ended = _requestsEnded;
                _requestsEnded = null;
            }
        }

        ended?.TrySetResult();
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

        // One round trip to the browser for all three: the document as page.content() gives it, what a person reads
        // (the body's innerText), and every link resolved against the document's base.
        var content = await Page.EvaluateAsync<JsonElement>(
            """
            () => ({
              html: (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') + document.documentElement.outerHTML,
              text: document.body ? document.body.innerText : '',
              hrefs: Array.from(document.querySelectorAll('a[href]'), a => {
                try { return new URL(a.getAttribute('href'), document.baseURI).href; } catch { return null; }
              }),
            })
            """).ConfigureAwait(false);
        Html = content.GetProperty("html").GetString() ?? "";
        Text = content.GetProperty("text").GetString() ?? "";
        var hrefs = content.GetProperty("hrefs").EnumerateArray().Select(h => h.GetString());
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

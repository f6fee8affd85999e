namespace Alluxio.Testing.Browser;

/// <summary>
/// Walks a site's links breadth-first through a <see cref="BrowserSession"/>, as a person clicking every link
/// would, so that a test finds the broken link or the page whose script fails without naming every page.
/// </summary>
public sealed class LinkChecker(BrowserSession session)
{
    /// <summary>
    /// Visits <paramref name="start"/>, then each link under <paramref name="scope"/> (same origin, path below
    /// it) once, fragments ignored, until <paramref name="maxPages"/> pages were visited. A page whose document
    /// answers 400 or more is a problem "broken link URL from PAGE: STATUS".
    /// </summary>
    /// <param name="scope">The site's base, e.g. http://127.0.0.1:PORT/; links elsewhere are not followed.</param>
    public async Task<LinkCheckReport> CheckAsync(Uri start, Uri scope, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var pages = new List<CheckedPage>();
        var queue = new Queue<(Uri Url, Uri? Referrer)>();
        var seen = new HashSet<Uri>();
        queue.Enqueue((WithoutFragment(start), null));
        seen.Add(WithoutFragment(start));
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var (url, referrer) = queue.Dequeue();
            var visit = await session.VisitAsync(url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
            await visit.DisposeAsync().ConfigureAwait(false);
            pages.Add(new CheckedPage(visit, referrer, ProblemsOf(visit, referrer)));
            if (!InScope(visit.FinalUrl, scope))
            {
                continue;
            }

            foreach (var link in visit.Links.Select(WithoutFragment))
            {
                if (InScope(link, scope) && seen.Add(link))
                {
                    queue.Enqueue((link, url));
                }
            }
        }

        return new LinkCheckReport(pages, [.. queue.Select(q => q.Url)]);
    }

    /// <summary>Checks the site from <paramref name="start"/>, following links anywhere on its origin.</summary>
    public Task<LinkCheckReport> CheckAsync(Uri start, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        return CheckAsync(start, new Uri(start.GetLeftPart(UriPartial.Authority) + "/"), maxPages, cancellationToken);
    }

    private static List<string> ProblemsOf(PageVisit visit, Uri? referrer)
    {
        var problems = visit.Problems.ToList();
        if (visit.Status >= 400)
        {
            if (visit.DocumentProblem is { } plain)
            {
                problems.Remove(plain);
            }

            var from = referrer?.AbsoluteUri ?? "the start";
            problems.Insert(0, $"broken link {visit.RequestedUrl.AbsoluteUri} from {from}: {visit.Status}");
        }

        return problems;
    }

    private static bool InScope(Uri url, Uri scope) =>
        PageVisit.SameOrigin(url, scope) && url.AbsolutePath.StartsWith(scope.AbsolutePath, StringComparison.Ordinal);

    private static Uri WithoutFragment(Uri url) => new UriBuilder(url) { Fragment = "" }.Uri;
}

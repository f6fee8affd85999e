namespace Alluxio.Testing.Browser;

/// <summary>One page that <see cref="LinkChecker"/> visited, the page that linked to it, and what was wrong.</summary>
/// <param name="Visit">The visit; its page is closed, what it captured (HTML, text, links) stays.</param>
/// <param name="Referrer">The first page found linking here; null for the start page.</param>
/// <param name="Problems">The visit's problems, with a document status of 400 or more told as a broken link from <paramref name="Referrer"/>.</param>
public sealed record CheckedPage(PageVisit Visit, Uri? Referrer, IReadOnlyList<string> Problems)
{
    public Uri Url => Visit.RequestedUrl;
}

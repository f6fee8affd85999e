namespace Alluxio.Testing.Browser;

/// <summary>What <see cref="LinkChecker"/> found: every page it visited, and the links it had no room left to visit.</summary>
public sealed record LinkCheckReport(IReadOnlyList<CheckedPage> Pages, IReadOnlyList<Uri> NotVisited)
{
    /// <summary>Every page's problems, in visiting order.</summary>
    public IReadOnlyList<string> Problems => [.. Pages.SelectMany(p => p.Problems)];

    /// <summary>The page visited at <paramref name="url"/>, or null.</summary>
    public CheckedPage? PageAt(Uri url) => Pages.FirstOrDefault(p => p.Url == url);

    /// <summary>Throws, listing every problem of every page, when any page had one.</summary>
    /// <exception cref="InvalidOperationException">There were problems.</exception>
    public void AssertNoProblems()
    {
        var problems = Problems;
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{problems.Count} problem(s) on {Pages.Count} page(s):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
    }
}

namespace Alluxio.Testing;

/// <summary>
/// Prometheus's own checker of the text exposition format: what a Prometheus server would refuse to scrape, or
/// warn about, shows up here before a user's monitoring does.
/// </summary>
public static class Promtool
{
    /// <summary>Where Debian's prometheus package puts it; eng/install-test-tools.sh installs that package.</summary>
    public const string Path = "/usr/bin/promtool";

    /// <summary>
    /// Pipes <paramref name="exposition"/> to <c>promtool check metrics</c>. Exit code 0 means valid; promtool
    /// prints format errors and lint findings (e.g. a counter not ending in _total) on standard error.
    /// </summary>
    /// <exception cref="InvalidOperationException">promtool is not installed.</exception>
    public static Task<ProcessResult> CheckMetricsAsync(string exposition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException(
                $"{Path} is missing: run eng/install-test-tools.sh (it installs Debian's prometheus package, which has promtool).");
        }

        return ProcessRun.RunAsync(Path, new Dictionary<string, string>(), ["check", "metrics"], exposition, cancellationToken);
    }
}

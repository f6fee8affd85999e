using System.Text;

namespace Alluxio.Metrics;

/// <summary>
/// Alluxio's metric naming: &lt;Instance&gt;.&lt;Name&gt; followed by tags as .&lt;Tag&gt;:&lt;value&gt;, with a URI
/// inside a tag escaped so that its dots and slashes do not read as name separators.
/// </summary>
public static class MetricNames
{
    /// <summary>The tag naming the UFS a figure is about, e.g. UFS:kodo:%2F%2Fbucket%2Fdir.</summary>
    public static string UfsTag(string ufsUri) => "UFS:" + Escape(ufsUri);

    /// <summary>Alluxio's MetricsSystem.escape: '%', '/' and '.' as %25, %2F and %2E.</summary>
    public static string Escape(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = new StringBuilder(uri.Length + 16);
        foreach (var c in uri)
        {
            _ = c switch
            {
                '%' => text.Append("%25"),
                '/' => text.Append("%2F"),
                '.' => text.Append("%2E"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    /// <summary>The inverse of <see cref="Escape"/>, for showing a tagged URI to people.</summary>
    public static string Unescape(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        return escaped.Replace("%2F", "/", StringComparison.Ordinal).Replace("%2E", ".", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
    }
}

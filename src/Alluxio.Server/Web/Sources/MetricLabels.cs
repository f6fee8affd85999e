using System.Text.RegularExpressions;

namespace Alluxio.Server.Web.Sources;

/// <summary>Splits a snapshot name such as alluxio.ufs.operation.duration{op="Open",ufs_type="kodo"} into its parts.</summary>
internal static partial class MetricLabels
{
    public static (string Name, IReadOnlyDictionary<string, string> Labels) Split(string name)
    {
        var brace = name.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return (name, new Dictionary<string, string>());
        }

        return (name[..brace], LabelPattern().Matches(name[brace..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPattern();
}

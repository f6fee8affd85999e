using System.Globalization;
using System.Text;
using Alluxio.Configuration;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.Fs.Format;

/// <summary>
/// The mount listing of `alluxio fs mount`: one line per mount point, sorted by path, columns as wide as the longest
/// UFS URI and mount point, and credential properties shown as ******.
/// </summary>
internal static class MountTableFormat
{
    public static IEnumerable<string> Lines(IReadOnlyDictionary<string, MountPointInfo> mountTable)
    {
        ArgumentNullException.ThrowIfNull(mountTable);
        if (mountTable.Count == 0)
        {
            yield break;
        }

        var ufsWidth = mountTable.Values.Max(m => m.UfsUri.Length);
        var pathWidth = mountTable.Keys.Max(k => k.Length);
        foreach (var (path, info) in mountTable.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            yield return Line(path, info, ufsWidth, pathWidth);
        }
    }

    /// <summary>
    /// &lt;ufs&gt;  on  &lt;path&gt;  (&lt;type&gt;, capacity=&lt;size&gt;, used=&lt;size&gt;[(&lt;pct&gt;%)], [not ]read-only,
    /// [not ]shared, properties={k=v, ...}).
    /// </summary>
    public static string Line(string mountPoint, MountPointInfo info, int ufsWidth, int pathWidth)
    {
        ArgumentNullException.ThrowIfNull(info);
        var used = DataSizeFormat.Format(info.UfsUsedBytes);
        if (info.UfsCapacityBytes > 0)
        {
            used += string.Create(CultureInfo.InvariantCulture, $"({(int)(100.0 * info.UfsUsedBytes / info.UfsCapacityBytes)}%)");
        }

        var line = new StringBuilder()
            .Append(info.UfsUri.PadRight(ufsWidth)).Append("  on  ").Append(mountPoint.PadRight(pathWidth))
            .Append("  (").Append(info.UfsType)
            .Append(", capacity=").Append(DataSizeFormat.Format(info.UfsCapacityBytes))
            .Append(", used=").Append(used)
            .Append(info.ReadOnly ? ", " : ", not ").Append("read-only")
            .Append(info.Shared ? ", " : ", not ").Append("shared")
            .Append(", properties={");
        var first = true;
        foreach (var (key, value) in info.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            line.Append(first ? "" : ", ").Append(key).Append('=').Append(CredentialMasker.DisplayValue(key, value));
            first = false;
        }

        return line.Append("})").ToString();
    }
}

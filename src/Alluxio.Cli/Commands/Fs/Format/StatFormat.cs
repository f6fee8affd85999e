using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Alluxio.Client;
using Alluxio.Formatting;
using Alluxio.Grpc;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Cli.Commands.Fs.Format;

/// <summary>
/// What stat prints: Alluxio's multi-line description of a path, or the fields a -f format names:
/// %N name, %z size in bytes (NA for a directory), %u owner, %g group, %i file id, %y modification time
/// (yyyy-MM-dd HH:mm:ss), %Y modification time in milliseconds, %b number of blocks (NA for a directory).
/// </summary>
internal static partial class StatFormat
{
    /// <summary>The lines of `stat path`: the kind of path, the status, and for a file its blocks.</summary>
    public static IEnumerable<string> Describe(string path, UriStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        yield return status.IsFolder ? $"{path} is a directory path." : $"{path} is a file path.";
        yield return StatusText(status.Info);
        if (status.IsFolder)
        {
            yield break;
        }

        if (status.BlockIds.Count == 0)
        {
            yield return "This file does not contain any blocks.";
            yield break;
        }

        yield return "Containing the following blocks: ";
        foreach (var blockId in status.BlockIds)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"BlockInfo{{id={blockId}}}");
        }
    }

    /// <summary>The -f output: each known %x replaced by its field; anything else printed as written.</summary>
    public static string Custom(string format, UriStatus status, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(status);
        return Specifier().Replace(format, m => Field(m.Groups[1].Value[0], status, timeZone));
    }

    /// <summary>Alluxio's URIStatus.toString: the FileInfo's fields in its order, Java's way of writing values.</summary>
    public static string StatusText(FileInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var text = new StringBuilder("URIStatus{info=FileInfo{");
        void Add(string name, object value, bool first = false) =>
            text.Append(first ? "" : ", ").Append(name).Append('=').Append(Java(value));

        Add("fileId", info.FileId, first: true);
        Add("name", info.Name);
        Add("path", info.Path);
        Add("ufsPath", info.UfsPath);
        Add("length", info.Length);
        Add("blockSizeBytes", info.BlockSizeBytes);
        Add("creationTimeMs", info.CreationTimeMs);
        Add("completed", info.Completed);
        Add("folder", info.Folder);
        Add("pinned", info.Pinned);
        Add("pinnedlocation", info.MediumType);
        Add("cacheable", info.Cacheable);
        Add("persisted", info.Persisted);
        Add("blockIds", info.BlockIds);
        Add("inMemoryPercentage", info.InMemoryPercentage);
        Add("lastModificationTimesMs", info.LastModificationTimeMs);
        Add("ttl", info.Ttl);
        Add("lastAccessTimesMs", info.LastAccessTimeMs);
        Add("ttlAction", info.TtlAction == TtlAction.Free ? "FREE" : "DELETE");
        Add("owner", info.Owner);
        Add("group", info.Group);
        Add("mode", info.Mode);
        Add("persistenceState", info.PersistenceState);
        Add("mountPoint", info.MountPoint);
        Add("replicationMax", info.ReplicationMax);
        Add("replicationMin", info.ReplicationMin);
        Add("fileBlockInfos", Array.Empty<long>());
        Add("mountId", info.MountId);
        Add("inAlluxioPercentage", info.InAlluxioPercentage);
        Add("ufsFingerprint", info.UfsFingerprint);
        Add("acl", $"user::{ModeText.Triple(info.Mode >> 6)},group::{ModeText.Triple(info.Mode >> 3)},other::{ModeText.Triple(info.Mode)}");
        Add("defaultAcl", "");
        return text.Append("}, cacheContext=null}").ToString();
    }

    private static string Field(char specifier, UriStatus status, TimeZoneInfo timeZone) =>
        specifier switch
        {
            'b' => status.IsFolder ? "NA" : status.BlockIds.Count.ToString(CultureInfo.InvariantCulture),
            'g' => status.Group,
            'u' => status.Owner,
            'i' => status.FileId.ToString(CultureInfo.InvariantCulture),
            'y' => new JavaDateFormat("yyyy-MM-dd HH:mm:ss", timeZone).Format(status.LastModificationTimeMs),
            'z' => status.IsFolder ? "NA" : status.Length.ToString(CultureInfo.InvariantCulture),
            'N' => status.Name,
            _ => status.LastModificationTimeMs.ToString(CultureInfo.InvariantCulture),
        };

    private static string Java(object value) =>
        value switch
        {
            bool b => b ? "true" : "false",
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Java)) + "]",
            _ => value.ToString() ?? "null",
        };

    [GeneratedRegex("%([bguyzNYi])", RegexOptions.CultureInvariant)]
    private static partial Regex Specifier();
}

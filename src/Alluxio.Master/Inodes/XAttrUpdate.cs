using Alluxio.Grpc;
using Google.Protobuf;

namespace Alluxio.Master.Inodes;

/// <summary>How a path's extended attributes change under each of Alluxio's update strategies.</summary>
public static class XAttrUpdate
{
    /// <summary>The attributes <paramref name="current"/> become when <paramref name="given"/> is applied as <paramref name="strategy"/> says.</summary>
    public static IReadOnlyDictionary<string, ByteString> Apply(
        IReadOnlyDictionary<string, ByteString> current, IReadOnlyDictionary<string, ByteString> given, XAttrUpdateStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(given);
        var result = strategy == XAttrUpdateStrategy.Truncate
            ? new Dictionary<string, ByteString>(StringComparer.Ordinal)
            : new Dictionary<string, ByteString>(current, StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            switch (strategy)
            {
                case XAttrUpdateStrategy.DeleteKeys:
                    result.Remove(name);
                    break;
                case XAttrUpdateStrategy.UnionPreserve:
                    result.TryAdd(name, value);
                    break;
                default:
                    result[name] = value;
                    break;
            }
        }

        return result;
    }

    /// <summary>Copies <paramref name="xattr"/> into a message's map.</summary>
    public static void CopyTo(IReadOnlyDictionary<string, ByteString> xattr, Google.Protobuf.Collections.MapField<string, ByteString> map)
    {
        ArgumentNullException.ThrowIfNull(xattr);
        ArgumentNullException.ThrowIfNull(map);
        foreach (var (name, value) in xattr)
        {
            map[name] = value;
        }
    }
}

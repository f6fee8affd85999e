using System.Globalization;

namespace Alluxio.Worker.BlockStore;

/// <summary>A committed block's file is named by its id in decimal.</summary>
internal static class BlockFileName
{
    public static string Format(long blockId) => blockId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Only the canonical spelling counts, so <c>007</c> or <c>+7</c> is not taken for block 7.</summary>
    public static bool TryParse(string name, out long blockId) =>
        long.TryParse(name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out blockId)
        && string.Equals(Format(blockId), name, StringComparison.Ordinal);
}

using System.Text;

namespace Alluxio.UnderFs;

/// <summary>
/// Alluxio's fingerprint text, "TYPE|FILE UFS|kodo OWNER|_ GROUP|_ MODE|420 CONTENT_HASH|&lt;hash&gt; ", which metadata
/// sync compares to notice that a UFS path changed. For Kodo the content hash is the object's qetag.
/// </summary>
public static class Fingerprint
{
    /// <summary>What an unreadable path fingerprints as.</summary>
    public const string Invalid = "";

    public static string Of(string ufsType, UfsStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        Append(text, "TYPE", status.IsDirectory ? "DIRECTORY" : "FILE");
        Append(text, "UFS", ufsType);
        Append(text, "OWNER", status.Owner);
        Append(text, "GROUP", status.Group);
        Append(text, "MODE", status.Mode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status is UfsFileStatus file)
        {
            Append(text, "CONTENT_HASH", file.ContentHash);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string tag, string? value)
    {
        var shown = string.IsNullOrEmpty(value) ? "_" : value.Replace(' ', '_').Replace('|', '_');
        text.Append(tag).Append('|').Append(shown).Append(' ');
    }
}

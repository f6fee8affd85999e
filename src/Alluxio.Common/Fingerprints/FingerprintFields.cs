namespace Alluxio.Fingerprints;

/// <summary>
/// Reads fields of Alluxio's fingerprint text ("TYPE|FILE UFS|kodo OWNER|_ GROUP|_ MODE|420 CONTENT_HASH|&lt;hash&gt; "),
/// for the master and for clients, which pass a file's content hash to the worker that reads its UFS object.
/// </summary>
public static class FingerprintFields
{
    /// <summary>The content hash a fingerprint records, or empty when it records none.</summary>
    public static string ContentHash(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        const string Tag = "CONTENT_HASH|";
        var start = fingerprint.IndexOf(Tag, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        start += Tag.Length;
        var end = fingerprint.IndexOf(' ', start);
        var hash = end < 0 ? fingerprint[start..] : fingerprint[start..end];
        return hash == "_" ? "" : hash;
    }
}

namespace Kodo.Protocol;

/// <summary>
/// EncodedEntryURI, the way rs paths name an object: urlsafe_b64("bucket:key"), or urlsafe_b64("bucket") when
/// there is no key. Decoding splits at the first ':' only, because keys may contain ':' and bucket names may not.
/// </summary>
public static class EncodedEntryUri
{
    /// <summary>Separates the bucket from the key.</summary>
    public const char Separator = ':';

    /// <summary>Encodes <paramref name="bucket"/> and <paramref name="key"/>; a null key gives the bucket-only form.</summary>
    public static string Encode(string bucket, string? key)
    {
        return UrlSafeBase64.EncodeString(new KodoEntry(bucket, key).ToString());
    }

    /// <summary>Decodes an EncodedEntryURI.</summary>
    /// <exception cref="FormatException">The text is not an encoded entry.</exception>
    public static KodoEntry Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return TryDecode(encoded, out var entry)
            ? entry
            : throw new FormatException("The value is not an EncodedEntryURI.");
    }

    /// <summary>
    /// Decodes an EncodedEntryURI, padded or not. Fails when the text is not base64, not UTF-8 or has an empty bucket.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> encoded, out KodoEntry entry)
    {
        entry = default;
        return UrlSafeBase64.TryDecodeString(encoded, out var plain) && TryParse(plain, out entry);
    }

    /// <summary>Splits the plain "bucket:key" (or "bucket") form at its first ':'.</summary>
    public static bool TryParse(string? plain, out KodoEntry entry)
    {
        entry = default;
        if (string.IsNullOrEmpty(plain))
        {
            return false;
        }

        var separator = plain.IndexOf(Separator, StringComparison.Ordinal);
        if (separator == 0)
        {
            return false;
        }

        entry = separator < 0
            ? new KodoEntry(plain, null)
            : new KodoEntry(plain[..separator], plain[(separator + 1)..]);
        return true;
    }
}

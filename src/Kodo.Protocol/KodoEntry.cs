namespace Kodo.Protocol;

/// <summary>
/// An object address: a bucket and a key. A null key names the bucket alone; an empty key is a real, empty key
/// ("bucket:" on the wire), so the two must stay distinct.
/// </summary>
public readonly record struct KodoEntry
{
    /// <summary>Creates an entry; the bucket may not be empty or contain ':'.</summary>
    public KodoEntry(string bucket, string? key)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        if (bucket.Contains(EncodedEntryUri.Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException("A bucket name cannot contain ':'.", nameof(bucket));
        }

        Bucket = bucket;
        Key = key;
    }

    public string Bucket { get; }

    /// <summary>The key, or null when the entry names the bucket alone.</summary>
    public string? Key { get; }

    /// <summary>The EncodedEntryURI of this entry.</summary>
    public string Encode() => EncodedEntryUri.Encode(Bucket, Key);

    /// <summary>The plain "bucket:key" form (or "bucket" alone), as used in a put policy's scope.</summary>
    public override string ToString() => Key is null ? Bucket : Bucket + EncodedEntryUri.Separator + Key;
}

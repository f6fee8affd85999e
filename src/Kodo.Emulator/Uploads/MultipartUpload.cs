using System.Collections.Concurrent;

namespace Kodo.Emulator.Uploads;

/// <summary>A v2 multipart upload: its target and the parts received so far.</summary>
internal sealed class MultipartUpload(string id, string bucket, string? key, DateTimeOffset expiresAt) : IDisposable
{
    public string Id { get; } = id;

    public string Bucket { get; } = bucket;

    /// <summary>The object key; null when the client sent "~" (the key comes from the token or the hash).</summary>
    public string? Key { get; } = key;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public ConcurrentDictionary<int, UploadedPart> Parts { get; } = new();

    public void Dispose()
    {
        foreach (var part in Parts.Values)
        {
            part.Blob.Dispose();
        }

        Parts.Clear();
    }
}

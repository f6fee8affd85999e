using System.Collections.Concurrent;

namespace Kodo.Emulator.S3;

/// <summary>An S3 multipart upload in progress: where it goes, what the object will carry, and its parts so far.</summary>
internal sealed class S3Upload(string id, string bucket, string key, string mimeType, IReadOnlyDictionary<string, string> meta, DateTimeOffset initiated)
{
    public string Id { get; } = id;

    public string Bucket { get; } = bucket;

    public string Key { get; } = key;

    public string MimeType { get; } = mimeType;

    public IReadOnlyDictionary<string, string> Meta { get; } = meta;

    public DateTimeOffset Initiated { get; } = initiated;

    public ConcurrentDictionary<int, S3UploadedPart> Parts { get; } = new();

    /// <summary>Deletes the content of every part not handed over to an object.</summary>
    public void DiscardParts()
    {
        foreach (var part in Parts.Values)
        {
            part.Blob.Dispose();
        }

        Parts.Clear();
    }
}

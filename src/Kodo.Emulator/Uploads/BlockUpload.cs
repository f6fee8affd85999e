using Kodo.Emulator.Storage;

namespace Kodo.Emulator.Uploads;

/// <summary>One block of a resumable v1 upload: mkblk started it, bput calls extend it in order.</summary>
internal sealed class BlockUpload(string id, long blockSize, StagedBlob blob, DateTimeOffset expiresAt) : IDisposable
{
    public string Id { get; } = id;

    public long BlockSize { get; } = blockSize;

    public StagedBlob Blob { get; } = blob;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>Serialises the chunks of this block.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public long Offset => Blob.Digests.Length;

    public bool IsComplete => Offset == BlockSize;

    /// <summary>The qetag of the whole block, known once it is complete; mkfile builds the object's hash from these.</summary>
    public string? Etag { get; set; }

    /// <summary>The ctx handed to the client: it names the block and the offset it reached, so a stale ctx is refused.</summary>
    public string Context => $"{Id}_{Offset}";

    public void Dispose()
    {
        Blob.Dispose();
        Gate.Dispose();
    }
}

namespace Kodo.Emulator.Storage;

/// <summary>
/// Blobs as files in one folder, named by a random id. A blob is written in full and flushed before any object
/// points at it, so a crash never exposes half an object; blobs no object points at are removed at start.
/// </summary>
internal sealed class FileBlobStorage : IBlobStorage
{
    private const int BufferSize = 1 << 16;

    private readonly string _folder;

    public FileBlobStorage(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public Stream Create(out string blobId)
    {
        blobId = Guid.NewGuid().ToString("N");
        return new FileStream(PathOf(blobId), FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
    }

    public void Seal(string blobId, bool flushToDisk)
    {
        if (!flushToDisk)
        {
            return;
        }

        using var handle = File.OpenHandle(PathOf(blobId), FileMode.Open, FileAccess.ReadWrite);
        RandomAccess.FlushToDisk(handle);
    }

    public Stream OpenRead(string blobId) =>
        new FileStream(PathOf(blobId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public string? GetFilePath(string blobId) => PathOf(blobId);

    public string Copy(string blobId)
    {
        var copy = Guid.NewGuid().ToString("N");
        File.Copy(PathOf(blobId), PathOf(copy));
        Seal(copy, flushToDisk: true);
        return copy;
    }

    public void Delete(string blobId) => File.Delete(PathOf(blobId));

    /// <summary>Removes blobs that no committed object names: the remains of writes cut off by a crash.</summary>
    public void RemoveOrphans(IReadOnlySet<string> live)
    {
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            if (!live.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }

    private string PathOf(string blobId) => Path.Combine(_folder, blobId);
}

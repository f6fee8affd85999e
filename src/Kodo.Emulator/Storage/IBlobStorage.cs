namespace Kodo.Emulator.Storage;

/// <summary>Where object contents live: files under the data folder, or memory.</summary>
internal interface IBlobStorage
{
    /// <summary>Starts a new blob; its content becomes visible only through a committed <see cref="ObjectInfo"/>.</summary>
    public Stream Create(out string blobId);

    /// <summary>
    /// Ends the writing of a blob; with <paramref name="flushToDisk"/> it is durable before any object points at it.
    /// Parts of uploads in progress skip the flush: they live only as long as the process.
    /// </summary>
    public void Seal(string blobId, bool flushToDisk);

    public Stream OpenRead(string blobId);

    /// <summary>The file holding a blob, for zero-copy sends; null in memory.</summary>
    public string? GetFilePath(string blobId);

    public string Copy(string blobId);

    public void Delete(string blobId);
}

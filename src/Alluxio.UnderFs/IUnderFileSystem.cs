using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs;

/// <summary>
/// An under file system, with the semantics of Alluxio's UnderFileSystem. Paths are full UFS URIs
/// (kodo://bucket/dir/x, file:///data/x or /data/x). Booleans answer "found and done"; a missing path is
/// <see cref="FileNotFoundException"/> where a status is asked for; any other failure (authentication, network,
/// a full disk) is an exception that keeps its cause, never a false or a null.
/// </summary>
public interface IUnderFileSystem : IAsyncDisposable
{
    /// <summary>The lower-case type, e.g. "local" or "kodo".</summary>
    public string UnderFSType { get; }

    /// <summary>True for object stores, whose directories are markers and prefixes.</summary>
    public bool IsObjectStorage { get; }

    /// <summary>
    /// Opens a new file for writing. The file appears, whole, only when the stream is disposed; a failure to store it
    /// is thrown from the stream's write or dispose, never only logged.
    /// </summary>
    public Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; false when there is none.</summary>
    public Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a directory; without recursion only an empty one. False when there is none or it is not empty.</summary>
    public Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);

    public Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default);

    public Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The status of a file or directory.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    public Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">No file is at the path.</exception>
    public Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">No directory is at the path.</exception>
    public Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The children (or, recursively, descendants) of a directory; null when the path is not a directory.</summary>
    public Task<IReadOnlyList<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a directory; true when it exists afterwards, false when a file is in the way or a parent is missing without CreateParent.</summary>
    public Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading from <see cref="OpenOptions.Offset"/>.</summary>
    /// <exception cref="FileNotFoundException">No file is at the path.</exception>
    public Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Renames a file; false when the source is not a file or the destination exists.</summary>
    public Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default);

    /// <summary>Renames a directory and everything below it; false when the destination exists.</summary>
    public Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default);

    /// <summary>Space in bytes, or -1 when the UFS cannot tell (object stores).</summary>
    public Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default);

    /// <summary>What metadata sync compares; "" when the path cannot be read.</summary>
    public async Task<string> GetFingerprintAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return Fingerprint.Of(UnderFSType, await GetStatusAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (IOException)
        {
            return Fingerprint.Invalid;
        }
    }

    // The eventually consistent variants: the master calls them where its own metadata says the path should be
    // there. Every UFS here is strongly consistent, so they are the plain operations.
    public Task<Stream> CreateNonexistingFileAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateAsync(path, options, cancellationToken);

    public Task<bool> DeleteExistingFileAsync(string path, CancellationToken cancellationToken = default) =>
        DeleteFileAsync(path, cancellationToken);

    public Task<bool> DeleteExistingDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        DeleteDirectoryAsync(path, options, cancellationToken);

    public Task<UfsStatus> GetExistingStatusAsync(string path, CancellationToken cancellationToken = default) =>
        GetStatusAsync(path, cancellationToken);

    public Task<UfsFileStatus> GetExistingFileStatusAsync(string path, CancellationToken cancellationToken = default) =>
        GetFileStatusAsync(path, cancellationToken);

    public Task<UfsDirectoryStatus> GetExistingDirectoryStatusAsync(string path, CancellationToken cancellationToken = default) =>
        GetDirectoryStatusAsync(path, cancellationToken);

    public Task<bool> IsExistingDirectoryAsync(string path, CancellationToken cancellationToken = default) =>
        IsDirectoryAsync(path, cancellationToken);

    public Task<Stream> OpenExistingFileAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAsync(path, options, cancellationToken);

    public Task<bool> RenameRenamableFileAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        RenameFileAsync(source, destination, cancellationToken);

    public Task<bool> RenameRenamableDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        RenameDirectoryAsync(source, destination, cancellationToken);
}

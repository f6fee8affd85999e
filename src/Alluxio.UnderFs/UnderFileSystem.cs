using Alluxio.Errors;
using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs;

/// <summary>
/// An under file system, with the semantics of Alluxio's UnderFileSystem. Paths are full UFS URIs
/// (kodo://bucket/dir/x, file:///data/x or /data/x). Booleans answer "found and done"; a missing path is
/// <see cref="FileNotFoundException"/> inside a UFS and <see cref="ErrorType.FileDoesNotExist"/> once it passed
/// <see cref="UnderFileSystemWithLogging"/>; any other failure (authentication, network, a full disk) is an exception
/// that keeps its cause, never a false or a null.
/// </summary>
/// <remarks>
/// An abstract class rather than an interface with default methods: a decorator must override every operation, so
/// it can never silently skip one. Every UFS here is strongly consistent, so Alluxio's "existing"/"nonexisting"
/// variants for eventually consistent stores are not part of the contract.
/// </remarks>
public abstract class UnderFileSystem : IAsyncDisposable
{
    /// <summary>The lower-case type, e.g. "local" or "kodo".</summary>
    public abstract string UnderFSType { get; }

    /// <summary>True for object stores, whose directories are markers and prefixes.</summary>
    public abstract bool IsObjectStorage { get; }

    /// <summary>
    /// Opens a new file for writing. The file appears, whole, only when the stream is disposed; a failure to store it
    /// is thrown from the stream's write or dispose, never only logged.
    /// </summary>
    public abstract Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; false when there is none.</summary>
    public abstract Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a directory; without recursion only an empty one. False when there is none or it is not empty.</summary>
    public abstract Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    public abstract Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);

    public abstract Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default);

    public abstract Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The status of a file or directory.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    public abstract Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">No file is at the path.</exception>
    public abstract Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">No directory is at the path.</exception>
    public abstract Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// The children (or, recursively, descendants) of a directory as a stream paged through the UFS, so that no
    /// directory is ever held in memory whole; null when the path is not a directory. Whether it is one is settled
    /// before the task completes; enumerating fetches the rest page by page. Recursive entries are named by their
    /// path relative to the listed directory (a/b/c).
    /// </summary>
    public abstract Task<IAsyncEnumerable<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a directory; true when it exists afterwards, false when a file is in the way or a parent is missing without CreateParent.</summary>
    public abstract Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading from <see cref="OpenOptions.Offset"/>.</summary>
    /// <exception cref="FileNotFoundException">No file is at the path.</exception>
    /// <exception cref="IOException">The file's content hash is not <see cref="OpenOptions.ContentHash"/>.</exception>
    public abstract Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Renames a file; false when the source is not a file or the destination exists.</summary>
    public abstract Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default);

    /// <summary>Renames a directory and everything below it; false when the destination exists.</summary>
    public abstract Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default);

    /// <summary>Space in bytes, or -1 when the UFS cannot tell (object stores).</summary>
    public abstract Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// The Alluxio error kind of a failure this UFS threw, or null when the UFS has no opinion and the generic
    /// mapping of <see cref="UnderFileSystemErrors"/> applies. A UFS whose client has its own exception type
    /// teaches the one error boundary here.
    /// </summary>
    public virtual ErrorType? ClassifyError(Exception exception) => null;

    /// <summary>
    /// What metadata sync compares; <see cref="Fingerprint.Invalid"/> only when nothing is at the path. Any other
    /// failure (credentials, an outage) is thrown: an unreadable path must not look like a deleted one.
    /// </summary>
    public async Task<string> GetFingerprintAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return Fingerprint.Of(UnderFSType, await GetStatusAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (UnderFileSystemErrors.Classify(this, e) == ErrorType.FileDoesNotExist)
        {
            return Fingerprint.Invalid;
        }
    }
}

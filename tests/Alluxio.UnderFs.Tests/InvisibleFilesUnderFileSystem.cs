using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.Tests;

/// <summary>A UFS that answers IsFile with false, so that the suite has something to catch.</summary>
internal sealed class InvisibleFilesUnderFileSystem(IUnderFileSystem inner) : IUnderFileSystem
{
    public string UnderFSType => inner.UnderFSType;

    public bool IsObjectStorage => inner.IsObjectStorage;

    public Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default) => inner.CreateAsync(path, options, cancellationToken);

    public Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteFileAsync(path, cancellationToken);

    public Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default) => inner.DeleteDirectoryAsync(path, options, cancellationToken);

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);

    public Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default) => inner.IsDirectoryAsync(path, cancellationToken);

    public Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default) => inner.GetStatusAsync(path, cancellationToken);

    public Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default) => inner.GetFileStatusAsync(path, cancellationToken);

    public Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default) => inner.GetDirectoryStatusAsync(path, cancellationToken);

    public Task<IReadOnlyList<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default) => inner.ListStatusAsync(path, options, cancellationToken);

    public Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default) => inner.MkdirsAsync(path, options, cancellationToken);

    public Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default) => inner.OpenAsync(path, options, cancellationToken);

    public Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default) => inner.RenameFileAsync(source, destination, cancellationToken);

    public Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default) => inner.RenameDirectoryAsync(source, destination, cancellationToken);

    public Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default) => inner.GetSpaceAsync(path, type, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.Tests;

/// <summary>A UFS that answers IsFile with false, so that the suite has something to catch.</summary>
internal sealed class InvisibleFilesUnderFileSystem(UnderFileSystem inner) : UnderFileSystem
{
    public override string UnderFSType => inner.UnderFSType;

    public override bool IsObjectStorage => inner.IsObjectStorage;

    public override Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public override Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default) => inner.CreateAsync(path, options, cancellationToken);

    public override Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteFileAsync(path, cancellationToken);

    public override Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default) => inner.DeleteDirectoryAsync(path, options, cancellationToken);

    public override Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);

    public override Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default) => inner.IsDirectoryAsync(path, cancellationToken);

    public override Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default) => inner.GetStatusAsync(path, cancellationToken);

    public override Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default) => inner.GetFileStatusAsync(path, cancellationToken);

    public override Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default) => inner.GetDirectoryStatusAsync(path, cancellationToken);

    public override Task<IAsyncEnumerable<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default) => inner.ListStatusAsync(path, options, cancellationToken);

    public override Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default) => inner.MkdirsAsync(path, options, cancellationToken);

    public override Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default) => inner.OpenAsync(path, options, cancellationToken);

    public override Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default) => inner.RenameFileAsync(source, destination, cancellationToken);

    public override Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default) => inner.RenameDirectoryAsync(source, destination, cancellationToken);

    public override Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default) => inner.GetSpaceAsync(path, type, cancellationToken);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

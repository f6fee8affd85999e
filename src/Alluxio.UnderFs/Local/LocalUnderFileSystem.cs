using System.Runtime.CompilerServices;
using Alluxio.Errors;
using Alluxio.Paths;
using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.Local;

/// <summary>A UFS on local (or locally mounted) folders: /data/x or file:///data/x.</summary>
public sealed class LocalUnderFileSystem : UnderFileSystem
{
    private readonly long _blockSize;

    public LocalUnderFileSystem(long blockSize = 64L << 20)
    {
        _blockSize = blockSize;
    }

    public override string UnderFSType => "local";

    public override bool IsObjectStorage => false;

    public override Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        var parent = Path.GetDirectoryName(local)!;
        if (!Directory.Exists(parent))
        {
            if (options?.CreateParent != true)
            {
                throw new IOException($"Parent directory of {path} does not exist");
            }

            Directory.CreateDirectory(parent);
        }

        return Task.FromResult<Stream>(new AtomicFileStream(local));
    }

    public override Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        if (!File.Exists(local))
        {
            return Task.FromResult(false);
        }

        File.Delete(local);
        return Task.FromResult(true);
    }

    public override Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        if (!Directory.Exists(local))
        {
            return Task.FromResult(false);
        }

        var recursive = options?.IsRecursive == true;
        if (!recursive && Directory.EnumerateFileSystemEntries(local).Any())
        {
            return Task.FromResult(false);
        }

        Directory.Delete(local, recursive);
        return Task.FromResult(true);
    }

    public override Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(Path.Exists(ToLocal(path)));

    public override Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(ToLocal(path)));

    public override Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(Directory.Exists(ToLocal(path)));

    public override async Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default) =>
        Directory.Exists(ToLocal(path))
            ? await GetDirectoryStatusAsync(path, cancellationToken).ConfigureAwait(false)
            : await GetFileStatusAsync(path, cancellationToken).ConfigureAwait(false);

    public override Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(ToLocal(path));
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Failed to fetch file status {path}", path);
        }

        return Task.FromResult(FileStatus(info, info.Name));
    }

    public override Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new DirectoryInfo(ToLocal(path));
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Failed to fetch directory status {path}", path);
        }

        return Task.FromResult(DirectoryStatus(info, info.Name));
    }

    public override Task<IAsyncEnumerable<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var root = new DirectoryInfo(ToLocal(path));
        return Task.FromResult(root.Exists ? EnumerateAsync(root, options?.IsRecursive == true, cancellationToken) : null);
    }

    public override Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        if (Directory.Exists(local))
        {
            return Task.FromResult(true);
        }

        if (File.Exists(local) || (options?.CreateParent == false && !Directory.Exists(Path.GetDirectoryName(local))))
        {
            return Task.FromResult(false);
        }

        Directory.CreateDirectory(local);
        return Task.FromResult(true);
    }

    public override Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        if (!File.Exists(local))
        {
            throw new FileNotFoundException($"File {path} does not exist", path);
        }

        var stream = new FileStream(local, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (options?.ContentHash is { } expected)
        {
            // Checked on the open handle, so a file replaced after the check is not read as the expected version.
            var actual = FileStatus(new FileInfo(local), "").ContentHash;
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                stream.Dispose();
                throw new IOException($"File {path} changed: its content hash is {actual}, not the expected {expected}.");
            }
        }

        if (options?.Offset is > 0 and var offset)
        {
            stream.Seek(offset, SeekOrigin.Begin);
        }

        return Task.FromResult<Stream>(stream);
    }

    public override Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        var from = ToLocal(source);
        var to = ToLocal(destination);
        if (!File.Exists(from) || Path.Exists(to))
        {
            return Task.FromResult(false);
        }

        File.Move(from, to);
        return Task.FromResult(true);
    }

    public override Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        var from = ToLocal(source);
        var to = ToLocal(destination);
        if (!Directory.Exists(from) || Path.Exists(to))
        {
            return Task.FromResult(false);
        }

        Directory.Move(from, to);
        return Task.FromResult(true);
    }

    public override Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default)
    {
        var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(ToLocal(path)))!);
        return Task.FromResult(type switch
        {
            SpaceType.Total => drive.TotalSize,
            SpaceType.Free => drive.AvailableFreeSpace,
            _ => drive.TotalSize - drive.TotalFreeSpace,
        });
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The entries below <paramref name="root"/>, read lazily from the directory as the caller goes.</summary>
    private async IAsyncEnumerable<UfsStatus> EnumerateAsync(DirectoryInfo root, bool recursive, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            AttributesToSkip = 0,
            IgnoreInaccessible = true,
        };
        foreach (var entry in root.EnumerateFileSystemInfos("*", enumeration))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Name.EndsWith(AtomicFileStream.TemporarySuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = Path.GetRelativePath(root.FullName, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            yield return entry is DirectoryInfo directory ? DirectoryStatus(directory, name) : FileStatus((FileInfo)entry, name);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The local path of a bare path or a file:// URI.</summary>
    internal static string ToLocal(string path)
    {
        var uri = AlluxioUri.Parse(path);
        if (uri.Scheme is not (null or "file") || !uri.IsPathAbsolute)
        {
            throw new InvalidPathException($"Path {path} is invalid: the local UFS needs an absolute path or a file:// URI.");
        }

        return uri.Path;
    }

    private UfsFileStatus FileStatus(FileInfo info, string name)
    {
        var modified = new DateTimeOffset(info.LastWriteTimeUtc);
        // As Alluxio's local UFS: length and modification time stand in for a content hash.
        var hash = $"({info.Length}:{modified.ToUnixTimeMilliseconds()})";
        return new UfsFileStatus(name, hash, info.Length, modified, Mode: (int)info.UnixFileMode, BlockSize: _blockSize);
    }

    private static UfsDirectoryStatus DirectoryStatus(DirectoryInfo info, string name) =>
        new(name, new DateTimeOffset(info.LastWriteTimeUtc), Mode: (int)info.UnixFileMode);
}

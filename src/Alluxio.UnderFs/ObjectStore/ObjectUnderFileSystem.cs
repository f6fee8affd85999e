using Alluxio.Paths;
using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.ObjectStore;

/// <summary>
/// A UFS over an object store, with Alluxio's directory algorithms: a directory is a zero-byte "dir/" marker or
/// the common prefix of keys below it; listings page through the store; recursive deletes go in parallel
/// batches; renames are copies plus deletes. Subclasses supply the object calls. Unlike Alluxio, a store error
/// (authentication, network) is thrown rather than read as "absent", and copies overwrite so that retried or
/// partial renames can finish.
/// </summary>
public abstract class ObjectUnderFileSystem : IUnderFileSystem
{
    /// <summary>The suffix of a directory marker key.</summary>
    public const string FolderSuffix = "/";

    /// <summary>rwxrwxrwx: object stores have no permissions of their own.</summary>
    private const int ObjectMode = 0b111_111_111;

    protected ObjectUnderFileSystem(ObjectUnderFileSystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public abstract string UnderFSType { get; }

    public bool IsObjectStorage => true;

    protected ObjectUnderFileSystemOptions Options { get; }

    public async Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        if (key.Length == 0)
        {
            throw new IOException($"Cannot create a file at the root {path}");
        }

        if (options?.CreateParent == true && AlluxioUri.Parse(path).Parent is { } parent)
        {
            await MkdirsAsync(parent.ToString(), MkdirsOptions.Default, cancellationToken).ConfigureAwait(false);
        }

        return await CreateObjectAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return key.Length > 0 && await DeleteObjectAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        var children = await ListStatusAsync(path, new ListOptions { IsRecursive = options?.IsRecursive == true }, cancellationToken).ConfigureAwait(false);
        if (children is null || (options?.IsRecursive != true && children.Count > 0))
        {
            return false;
        }

        // Deepest first, so that an interrupted delete never leaves a child without its parent.
        var keys = children
            .Select(c => Join(key, c.Name) + (c.IsDirectory ? FolderSuffix : ""))
            .OrderByDescending(k => k, StringComparer.Ordinal)
            .ToList();
        if (key.Length > 0)
        {
            keys.Add(key + FolderSuffix);
        }

        var failed = await DeleteObjectsAsync(keys, cancellationToken).ConfigureAwait(false);

        // A directory may have no marker (it was implied by its children), so a marker that was not there is fine.
        return failed.All(k => k.EndsWith(FolderSuffix, StringComparison.Ordinal));
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        await IsFileAsync(path, cancellationToken).ConfigureAwait(false) || await IsDirectoryAsync(path, cancellationToken).ConfigureAwait(false);

    public async Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return key.Length > 0 && await GetObjectStatusAsync(key, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        if (key.Length == 0 || await GetObjectStatusAsync(key + FolderSuffix, cancellationToken).ConfigureAwait(false) is not null)
        {
            return true;
        }

        var page = await ListObjectsAsync(key + FolderSuffix, delimiter: null, marker: null, limit: 1, cancellationToken).ConfigureAwait(false);
        if (page.Objects.Count == 0 && page.CommonPrefixes.Count == 0)
        {
            return false;
        }

        // An implied directory gets its marker, so it survives the deletion of its last child (a breadcrumb).
        if (Options.BreadcrumbsEnabled && !Options.IsReadOnly)
        {
            await CreateEmptyObjectAsync(key + FolderSuffix, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        if (key.Length > 0 && await GetObjectStatusAsync(key, cancellationToken).ConfigureAwait(false) is { } status)
        {
            return FileStatus(status, NameOf(key));
        }

        return await GetDirectoryStatusAsync(path, cancellationToken).ConfigureAwait(false);
    }

    public async Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return key.Length > 0 && await GetObjectStatusAsync(key, cancellationToken).ConfigureAwait(false) is { } status
            ? FileStatus(status, NameOf(key))
            : throw new FileNotFoundException($"Failed to fetch file status {path}", path);
    }

    public async Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return await IsDirectoryAsync(path, cancellationToken).ConfigureAwait(false)
            ? new UfsDirectoryStatus(NameOf(key), Mode: ObjectMode)
            : throw new FileNotFoundException($"Failed to fetch directory status {path}", path);
    }

    public async Task<IReadOnlyList<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        var prefix = key.Length == 0 ? "" : key + FolderSuffix;
        var recursive = options?.IsRecursive == true;
        var entries = new Dictionary<string, UfsStatus>(StringComparer.Ordinal);
        var sawAnything = false;
        string? marker = null;
        do
        {
            var page = await ListObjectsAsync(prefix, recursive ? null : FolderSuffix, marker, Options.ListingLength, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                sawAnything = true;
                var name = item.Key[prefix.Length..];
                if (name.Length == 0)
                {
                    continue;
                }

                if (name.EndsWith(FolderSuffix, StringComparison.Ordinal))
                {
                    AddDirectory(entries, name.TrimEnd('/'));
                }
                else
                {
                    entries[name] = FileStatus(item, name);
                }

                if (recursive)
                {
                    AddAncestors(entries, name);
                }
            }

            foreach (var common in page.CommonPrefixes)
            {
                sawAnything = true;
                AddDirectory(entries, common[prefix.Length..].TrimEnd('/'));
            }

            marker = page.NextMarker;
        }
        while (marker is not null);

        if (sawAnything || key.Length == 0)
        {
            return [.. entries.Values];
        }

        return await GetObjectStatusAsync(prefix, cancellationToken).ConfigureAwait(false) is not null ? [] : null;
    }

    public async Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        if (await IsDirectoryAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (await IsFileAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var parent = AlluxioUri.Parse(path).Parent;
        if (parent is not null && !await IsDirectoryAsync(parent.ToString(), cancellationToken).ConfigureAwait(false))
        {
            if (options?.CreateParent == false || !await MkdirsAsync(parent.ToString(), options, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        await CreateEmptyObjectAsync(key + FolderSuffix, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        if (key.Length == 0 || await GetObjectStatusAsync(key, cancellationToken).ConfigureAwait(false) is not { } status)
        {
            throw new FileNotFoundException($"File {path} does not exist", path);
        }

        var offset = options?.Offset ?? 0;
        return await OpenObjectAsync(key, status.Size, offset, options?.Length, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        if (!await IsFileAsync(source, cancellationToken).ConfigureAwait(false) || await ExistsAsync(destination, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var from = ToKey(source);
        return await CopyObjectAsync(from, ToKey(destination), cancellationToken).ConfigureAwait(false)
            && await DeleteObjectAsync(from, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        if (await ExistsAsync(destination, cancellationToken).ConfigureAwait(false)
            || await ListStatusAsync(source, ListOptions.Recursive, cancellationToken).ConfigureAwait(false) is not { } entries)
        {
            return false;
        }

        var from = ToKey(source);
        var to = ToKey(destination);
        await CreateEmptyObjectAsync(to + FolderSuffix, cancellationToken).ConfigureAwait(false);
        var copied = await ForEachAsync(entries, async (entry, token) =>
        {
            if (entry.IsDirectory)
            {
                await CreateEmptyObjectAsync(Join(to, entry.Name) + FolderSuffix, token).ConfigureAwait(false);
                return true;
            }

            return await CopyObjectAsync(Join(from, entry.Name), Join(to, entry.Name), token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        return copied && await DeleteDirectoryAsync(source, DeleteOptions.Recursive, cancellationToken).ConfigureAwait(false);
    }

    public virtual Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default) => Task.FromResult(-1L);

    public abstract ValueTask DisposeAsync();

    /// <summary>The object's status, or null when no such object exists.</summary>
    protected abstract Task<ObjectStatus?> GetObjectStatusAsync(string key, CancellationToken cancellationToken);

    /// <summary>One page of keys starting with <paramref name="prefix"/>, folded at <paramref name="delimiter"/> when given.</summary>
    protected abstract Task<ObjectListingPage> ListObjectsAsync(string prefix, string? delimiter, string? marker, int limit, CancellationToken cancellationToken);

    /// <summary>A stream of the object's bytes from <paramref name="offset"/>; reads at or past the end answer 0.</summary>
    protected abstract Task<Stream> OpenObjectAsync(string key, long size, long offset, long? length, CancellationToken cancellationToken);

    /// <summary>A stream whose bytes become the object, whole, when it is disposed; failures are thrown.</summary>
    protected abstract Task<Stream> CreateObjectAsync(string key, CancellationToken cancellationToken);

    protected abstract Task CreateEmptyObjectAsync(string key, CancellationToken cancellationToken);

    /// <summary>Copies an object, replacing the destination; false when the source is missing.</summary>
    protected abstract Task<bool> CopyObjectAsync(string source, string destination, CancellationToken cancellationToken);

    /// <summary>Deletes an object; false when it was not there.</summary>
    protected abstract Task<bool> DeleteObjectAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes objects, in batches of the listing length run in parallel; returns the keys that were not deleted.</summary>
    protected virtual async Task<IReadOnlyList<string>> DeleteObjectsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await ForEachAsync(keys, async (key, token) =>
        {
            if (!await DeleteObjectAsync(key, token).ConfigureAwait(false))
            {
                failed.Add(key);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        return [.. failed];
    }

    /// <summary>Runs <paramref name="action"/> on every item, at most alluxio.underfs.object.store.service.threads at once.</summary>
    protected async Task<bool> ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task<bool>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var allSucceeded = true;
        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = Options.ServiceThreads, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (!await action(item, token).ConfigureAwait(false))
                {
                    allSucceeded = false;
                }
            }).ConfigureAwait(false);
        return allSucceeded;
    }

    /// <summary>The object key of a UFS path: its path without the leading '/', "" for the root.</summary>
    protected static string ToKey(string path) => AlluxioUri.Parse(path).Path.TrimStart('/');

    private UfsFileStatus FileStatus(ObjectStatus status, string name) =>
        new(name, status.ContentHash, status.Size, status.LastModified, Mode: ObjectMode, BlockSize: Options.BlockSize);

    private static void AddDirectory(Dictionary<string, UfsStatus> entries, string name)
    {
        // As in Alluxio, a file X without an X/ marker keeps the name X.
        if (name.Length > 0)
        {
            entries.TryAdd(name, new UfsDirectoryStatus(name, Mode: ObjectMode));
        }
    }

    private static void AddAncestors(Dictionary<string, UfsStatus> entries, string name)
    {
        for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0 && slash < name.Length - 1; slash = name.IndexOf('/', slash + 1))
        {
            AddDirectory(entries, name[..slash]);
        }
    }

    private static string Join(string folderKey, string name) => folderKey.Length == 0 ? name : folderKey + "/" + name;

    private static string NameOf(string key) => key[(key.LastIndexOf('/') + 1)..];
}

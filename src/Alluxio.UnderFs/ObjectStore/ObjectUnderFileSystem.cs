using System.Runtime.CompilerServices;
using Alluxio.Paths;
using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.ObjectStore;

/// <summary>
/// A UFS over an object store, with Alluxio's directory algorithms: a directory is a zero-byte "dir/" marker or
/// the common prefix of keys below it; listings stream page by page; recursive deletes and renames run in bounded
/// parallel batches. Subclasses supply the object calls. Unlike Alluxio, a store error (authentication, network) is
/// thrown rather than read as "absent", copies overwrite so that retried or partial renames can finish, and calls
/// that do not depend on each other go out together, so each single-object operation costs one round trip.
/// </summary>
public abstract class ObjectUnderFileSystem : UnderFileSystem
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

    public sealed override bool IsObjectStorage => true;

    protected ObjectUnderFileSystemOptions Options { get; }

    public sealed override async Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default)
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

    public sealed override async Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return key.Length > 0 && await DeleteObjectAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public sealed override async Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        var recursive = options?.IsRecursive == true;
        var listing = await ListStatusAsync(path, new ListOptions { IsRecursive = recursive }, cancellationToken).ConfigureAwait(false);
        if (listing is null)
        {
            return false;
        }

        if (!recursive && await listing.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Files go in parallel batches while the listing streams on; markers are kept (there are few) and go last,
        // deepest first, so an interrupted delete leaves every remaining entry under a visible parent.
        var markers = new List<string>();
        var failed = false;
        using var batches = new BoundedBatches<string>(Options.ListingLength, Options.ServiceThreads, async (keys, token) =>
        {
            var notDeleted = await DeleteObjectsAsync(keys, token).ConfigureAwait(false);
            if (notDeleted.Count > 0)
            {
                failed = true;
            }
        }, cancellationToken);
        if (recursive)
        {
            await foreach (var entry in listing.ConfigureAwait(false))
            {
                if (entry.IsDirectory)
                {
                    markers.Add(Join(key, entry.Name) + FolderSuffix);
                }
                else
                {
                    await batches.AddAsync(Join(key, entry.Name)).ConfigureAwait(false);
                }
            }
        }

        await batches.CompleteAsync().ConfigureAwait(false);
        if (key.Length > 0)
        {
            markers.Add(key + FolderSuffix);
        }

        markers.Sort(StringComparer.Ordinal);
        markers.Reverse();

        // A directory may have no marker (it was implied by its children), so a marker that was not there is fine.
        await DeleteObjectsAsync(markers, cancellationToken).ConfigureAwait(false);
        return !failed;
    }

    public sealed override async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        await ProbeAsync(path, cancellationToken).ConfigureAwait(false) is not null;

    public sealed override async Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return key.Length > 0 && await GetObjectStatusAsync(key, cancellationToken).ConfigureAwait(false) is not null;
    }

    public sealed override Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default) =>
        IsDirectoryKeyAsync(ToKey(path), cancellationToken);

    public sealed override async Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default) =>
        await ProbeAsync(path, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"Failed to fetch status {path}: nothing is there", path);

    public sealed override async Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return key.Length > 0 && await GetObjectStatusAsync(key, cancellationToken).ConfigureAwait(false) is { } status
            ? FileStatus(status, NameOf(key))
            : throw new FileNotFoundException($"Failed to fetch file status {path}: no such file", path);
    }

    public sealed override async Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        return await IsDirectoryKeyAsync(key, cancellationToken).ConfigureAwait(false)
            ? new UfsDirectoryStatus(NameOf(key), Mode: ObjectMode)
            : throw new FileNotFoundException($"Failed to fetch directory status {path}: no such directory", path);
    }

    public sealed override async Task<IAsyncEnumerable<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        var prefix = key.Length == 0 ? "" : key + FolderSuffix;
        var delimiter = options?.IsRecursive == true ? null : FolderSuffix;

        // The first page that has anything settles whether the path is a directory: its own marker lists first.
        var first = await ListObjectsAsync(prefix, delimiter, marker: null, Options.ListingLength, cancellationToken).ConfigureAwait(false);
        while (IsEmpty(first) && first.NextMarker is { } marker)
        {
            first = await ListObjectsAsync(prefix, delimiter, marker, Options.ListingLength, cancellationToken).ConfigureAwait(false);
        }

        return IsEmpty(first) && key.Length > 0 ? null : EnumerateAsync(prefix, delimiter, first, cancellationToken);
    }

    public sealed override async Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        if (key.Length == 0)
        {
            return true;
        }

        // The path and its parent are looked at together: one round trip in the common case.
        var parentKey = ParentKey(key);
        var self = ProbeKeyAsync(key, cancellationToken);
        var parent = IsDirectoryKeyAsync(parentKey, cancellationToken);
        await Task.WhenAll(self, parent).ConfigureAwait(false);
        switch (await self.ConfigureAwait(false))
        {
            case UfsDirectoryStatus:
                return true;
            case UfsFileStatus:
                return false;
        }

        if (!await parent.ConfigureAwait(false))
        {
            if (options?.CreateParent == false || !await MkdirsAsync(AlluxioUri.Parse(path).Parent!.ToString(), options, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        await CreateEmptyObjectAsync(key + FolderSuffix, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public sealed override async Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = ToKey(path);
        if (key.Length == 0)
        {
            throw new FileNotFoundException($"File {path} does not exist", path);
        }

        // No status call: the read itself answers "not found", so an open costs one round trip.
        return await OpenObjectAsync(key, options ?? OpenOptions.Default, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"File {path} does not exist", path);
    }

    public sealed override async Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        var from = ToKey(source);
        var isFile = IsFileAsync(source, cancellationToken);
        var exists = ExistsAsync(destination, cancellationToken);
        await Task.WhenAll(isFile, exists).ConfigureAwait(false);
        if (!await isFile.ConfigureAwait(false) || await exists.ConfigureAwait(false))
        {
            return false;
        }

        return await CopyObjectAsync(from, ToKey(destination), cancellationToken).ConfigureAwait(false)
            && await DeleteObjectAsync(from, cancellationToken).ConfigureAwait(false);
    }

    public sealed override async Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        var exists = ExistsAsync(destination, cancellationToken);
        var listing = ListStatusAsync(source, ListOptions.Recursive, cancellationToken);
        await Task.WhenAll(exists, listing).ConfigureAwait(false);
        if (await exists.ConfigureAwait(false) || await listing.ConfigureAwait(false) is not { } entries)
        {
            return false;
        }

        var from = ToKey(source);
        var to = ToKey(destination);
        await CreateEmptyObjectAsync(to + FolderSuffix, cancellationToken).ConfigureAwait(false);
        var copied = true;
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = Options.ServiceThreads, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                if (entry.IsDirectory)
                {
                    await CreateEmptyObjectAsync(Join(to, entry.Name) + FolderSuffix, token).ConfigureAwait(false);
                }
                else if (!await CopyObjectAsync(Join(from, entry.Name), Join(to, entry.Name), token).ConfigureAwait(false))
                {
                    copied = false;
                }
            }).ConfigureAwait(false);

        return copied && await DeleteDirectoryAsync(source, DeleteOptions.Recursive, cancellationToken).ConfigureAwait(false);
    }

    public override Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default) => Task.FromResult(-1L);

    /// <summary>The object's status, or null when no such object exists.</summary>
    protected abstract Task<ObjectStatus?> GetObjectStatusAsync(string key, CancellationToken cancellationToken);

    /// <summary>One page of keys starting with <paramref name="prefix"/>, in key order, folded at <paramref name="delimiter"/> when given.</summary>
    protected abstract Task<ObjectListingPage> ListObjectsAsync(string prefix, string? delimiter, string? marker, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// A stream of the object's bytes from <see cref="OpenOptions.Offset"/>, or null when no such object exists;
    /// reads at or past the end answer 0. With <see cref="OpenOptions.ContentHash"/> set, another version of the
    /// object is an error rather than its bytes.
    /// </summary>
    protected abstract Task<Stream?> OpenObjectAsync(string key, OpenOptions options, CancellationToken cancellationToken);

    /// <summary>A stream whose bytes become the object, whole, when it is disposed; failures are thrown.</summary>
    protected abstract Task<Stream> CreateObjectAsync(string key, CancellationToken cancellationToken);

    protected abstract Task CreateEmptyObjectAsync(string key, CancellationToken cancellationToken);

    /// <summary>Copies an object, replacing the destination; false when the source is missing.</summary>
    protected abstract Task<bool> CopyObjectAsync(string source, string destination, CancellationToken cancellationToken);

    /// <summary>Deletes an object; false when it was not there.</summary>
    protected abstract Task<bool> DeleteObjectAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes objects; returns the keys that were not there or not deleted.</summary>
    protected virtual async Task<IReadOnlyList<string>> DeleteObjectsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = Options.ServiceThreads, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                if (!await DeleteObjectAsync(key, token).ConfigureAwait(false))
                {
                    failed.Add(key);
                }
            }).ConfigureAwait(false);
        return [.. failed];
    }

    /// <summary>The object key of a UFS path: its path without the leading '/', "" for the root.</summary>
    protected static string ToKey(string path) => AlluxioUri.Parse(path).Path.TrimStart('/');

    private static bool IsEmpty(ObjectListingPage page) => page.Objects.Count == 0 && page.CommonPrefixes.Count == 0;

    /// <summary>The status at <paramref name="path"/> (a file wins over a directory of the same name), or null.</summary>
    private Task<UfsStatus?> ProbeAsync(string path, CancellationToken cancellationToken) => ProbeKeyAsync(ToKey(path), cancellationToken);

    private async Task<UfsStatus?> ProbeKeyAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length == 0)
        {
            return new UfsDirectoryStatus("", Mode: ObjectMode);
        }

        // Both questions go out at once: one round trip whichever the answer is.
        var file = GetObjectStatusAsync(key, cancellationToken);
        var directory = IsDirectoryKeyAsync(key, cancellationToken);
        await Task.WhenAll(file, directory).ConfigureAwait(false);
        if (await file.ConfigureAwait(false) is { } status)
        {
            return FileStatus(status, NameOf(key));
        }

        return await directory.ConfigureAwait(false) ? new UfsDirectoryStatus(NameOf(key), Mode: ObjectMode) : null;
    }

    /// <summary>
    /// One listing call answers both "is there a marker" (it lists first, as the prefix itself) and "are there keys
    /// below", so a directory check is one round trip.
    /// </summary>
    private async Task<bool> IsDirectoryKeyAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length == 0)
        {
            return true;
        }

        var prefix = key + FolderSuffix;
        var page = await ListObjectsAsync(prefix, delimiter: null, marker: null, limit: 1, cancellationToken).ConfigureAwait(false);
        if (IsEmpty(page))
        {
            return false;
        }

        var hasMarker = page.Objects.Count > 0 && string.Equals(page.Objects[0].Key, prefix, StringComparison.Ordinal);
        if (!hasMarker && Options.BreadcrumbsEnabled && !Options.IsReadOnly)
        {
            // An implied directory gets its marker, so it survives the deletion of its last child (a breadcrumb).
            await CreateEmptyObjectAsync(prefix, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The entries of a listing, page by page; the next page is asked for while this one is handed out.</summary>
    private async IAsyncEnumerable<UfsStatus> EnumerateAsync(
        string prefix, string? delimiter, ObjectListingPage first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = new ListingNames(recursive: delimiter is null);
        var page = first;
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            var next = page.NextMarker is { } marker
                ? ListObjectsAsync(prefix, delimiter, marker, Options.ListingLength, abandon.Token)
                : null;
            var handedOut = false;
            try
            {
                foreach (var (name, item) in InKeyOrder(page, prefix))
                {
                    foreach (var (entryName, isDirectory) in names.Add(name))
                    {
                        yield return isDirectory
                            ? new UfsDirectoryStatus(entryName, Mode: ObjectMode)
                            : FileStatus(item!, entryName);
                    }
                }

                handedOut = true;
            }
            finally
            {
                if (!handedOut && next is not null)
                {
                    // The reader stopped early (or failed): stop the prefetch and observe how it ends.
                    await abandon.CancelAsync().ConfigureAwait(false);
                    _ = next.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }

            if (next is null)
            {
                yield break;
            }

            page = await next.ConfigureAwait(false);
        }
    }

    /// <summary>The page's keys and common prefixes, relative to <paramref name="prefix"/>, merged in key order.</summary>
    private static List<(string Name, ObjectStatus? Item)> InKeyOrder(ObjectListingPage page, string prefix)
    {
        var merged = new List<(string Name, ObjectStatus? Item)>(page.Objects.Count + page.CommonPrefixes.Count);
        merged.AddRange(page.Objects.Select(o => (o.Key[prefix.Length..], (ObjectStatus?)o)));
        merged.AddRange(page.CommonPrefixes.Select(p => (p[prefix.Length..], (ObjectStatus?)null)));
        if (page.CommonPrefixes.Count > 0)
        {
            merged.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        return merged;
    }

    private UfsFileStatus FileStatus(ObjectStatus status, string name) =>
        new(name, status.ContentHash, status.Size, status.LastModified, Mode: ObjectMode, BlockSize: Options.BlockSize);

    private static string Join(string folderKey, string name) => folderKey.Length == 0 ? name : folderKey + "/" + name;

    private static string NameOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    private static string ParentKey(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? "" : key[..slash];
    }
}

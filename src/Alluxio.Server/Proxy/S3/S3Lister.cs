using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Server.Proxy.S3;

/// <summary>
/// Lists a bucket as S3 does, over the namespace: the first <c>maxKeys</c> objects and common prefixes after a marker,
/// in key order, holding no more than that many at a time however large the directories are.
/// </summary>
/// <remarks>
/// Directories are walked one listing at a time, each asked of the master in key order and only from the marker on
/// and for names the prefix allows; reading stops once the page is full, so a page of a huge directory costs a page.
/// With the delimiter "/" only the directory the prefix points into is read: its files are objects and its
/// directories common prefixes. Otherwise the walk goes down, and a directory is an object of its own ("dir/", no
/// bytes) only when it is empty or was made as an object, so that keys written through S3 list as S3 lists them. A
/// directory is not read when all its keys (which start with "dir/") fall at or before the marker, or after the
/// largest key kept once the page is full.
/// </remarks>
internal sealed class S3Lister(FileSystem fileSystem, IComparer<string> keyOrder)
{
    /// <summary>The attribute that marks a directory made by a PUT of "key/".</summary>
    public const string DirectoryMarkerXAttr = "s3_directory_marker";

    public async Task<S3ListingPage> ListAsync(
        string bucketPath, string prefix, string? delimiter, string marker, int maxKeys, CancellationToken cancellationToken)
    {
        var page = new PageSelection(maxKeys, marker, keyOrder);
        if (maxKeys <= 0)
        {
            return new S3ListingPage([], false);
        }

        // The directory the prefix points into, and the start of the names in it that may match.
        var slash = prefix.LastIndexOf('/');
        var baseKey = slash < 0 ? "" : prefix[..(slash + 1)];
        var baseDirectory = baseKey.Length == 0 ? bucketPath : $"{bucketPath}/{baseKey.TrimEnd('/')}";
        if (delimiter == "/")
        {
            await ForEachChildAsync(baseDirectory, RangeOf(baseKey, prefix, marker), status =>
            {
                var entry = status.IsFolder ? new S3ListedEntry($"{baseKey}{status.Name}/", null) : new S3ListedEntry(baseKey + status.Name, status);
                page.Offer(entry);
                return page.MayHoldKeysFrom(entry.Key);
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WalkAsync(baseDirectory, baseKey, prefix, delimiter, page, cancellationToken).ConfigureAwait(false);
        }

        return page.ToPage();
    }

    private async Task WalkAsync(string directory, string directoryKey, string prefix, string? delimiter, PageSelection page, CancellationToken cancellationToken)
    {
        var subdirectories = new List<(string Path, string Key)>();
        await ForEachChildAsync(directory, RangeOf(directoryKey, prefix, page.Marker), status =>
        {
            var key = directoryKey + status.Name;
            if (status.IsFolder)
            {
                key += "/";

                // A directory a match may lie under: its key and the prefix agree as far as both go.
                if (key.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(key, StringComparison.Ordinal))
                {
                    if (key.StartsWith(prefix, StringComparison.Ordinal) && (status.Length == 0 || status.XAttr.ContainsKey(DirectoryMarkerXAttr)))
                    {
                        Offer(page, key, status, prefix, delimiter);
                    }

                    if (status.Length > 0 && page.MayHoldKeysUnder(key))
                    {
                        subdirectories.Add(($"{directory}/{status.Name}", key));
                    }
                }
            }
            else if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                Offer(page, key, status, prefix, delimiter);
            }

            return page.MayHoldKeysFrom(key);
        }, cancellationToken).ConfigureAwait(false);

        foreach (var (path, key) in subdirectories)
        {
            // Checked again: the page may have filled with smaller keys since the directory was seen.
            if (page.MayHoldKeysUnder(key))
            {
                await WalkAsync(path, key, prefix, delimiter, page, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>An object, or with a delimiter past the prefix, the common prefix it rolls up into.</summary>
    private static void Offer(PageSelection page, string key, UriStatus status, string prefix, string? delimiter)
    {
        var at = string.IsNullOrEmpty(delimiter) ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        page.Offer(at < 0 ? new S3ListedEntry(key, status) : new S3ListedEntry(key[..(at + delimiter!.Length)], null));
    }

    /// <summary>
    /// The children of the directory whose keys start with <paramref name="directoryKey"/> that may matter: names
    /// that can match the prefix, and keys from the marker on. The master lists just those, in key order.
    /// </summary>
    private static ChildKeyRange RangeOf(string directoryKey, string prefix, string marker)
    {
        // A prefix reaches into this directory's names only where it is longer than the directory's key; it holds no
        // "/" there, since the listing starts in the directory the prefix's last "/" points into.
        var namePrefix = prefix.Length > directoryKey.Length && prefix.StartsWith(directoryKey, StringComparison.Ordinal) ? prefix[directoryKey.Length..] : "";
        if (!marker.StartsWith(directoryKey, StringComparison.Ordinal))
        {
            return new ChildKeyRange("", namePrefix);
        }

        // Past the marker's name in this directory; a directory of that name is kept ("dir/" sorts after "dir"),
        // since keys below it may follow the marker.
        var rest = marker[directoryKey.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return new ChildKeyRange(slash < 0 ? rest : rest[..slash], namePrefix);
    }

    /// <summary>Visits the children in <paramref name="range"/> in key order, while <paramref name="visit"/> asks for more.</summary>
    private async Task ForEachChildAsync(string directory, ChildKeyRange range, Func<UriStatus, bool> visit, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ListStatusOptions { KeyRange = range };
            await foreach (var child in fileSystem.ListStatusAsync(directory, options, cancellationToken).ConfigureAwait(false))
            {
                // Our own bookkeeping (multipart uploads in progress) is not part of the bucket.
                if (!child.Name.StartsWith(S3Paths.HiddenPrefix, StringComparison.Ordinal) && !visit(child))
                {
                    return;
                }
            }
        }
        catch (Errors.AlluxioException e) when (e.ErrorType == Errors.ErrorType.FileDoesNotExist)
        {
            // The prefix points into a directory that is not there: nothing under it.
        }
    }

    /// <summary>
    /// The smallest <c>maxKeys</c> entries after the marker seen so far, plus one to tell whether more follow; a common
    /// prefix counts once however many keys roll up into it.
    /// </summary>
    private sealed class PageSelection(int maxKeys, string marker, IComparer<string> keyOrder)
    {
        private readonly PriorityQueue<S3ListedEntry, string> _largestFirst = new(Comparer<string>.Create((a, b) => keyOrder.Compare(b, a)));
        private readonly HashSet<string> _held = new(StringComparer.Ordinal);

        public void Offer(S3ListedEntry entry)
        {
            if (keyOrder.Compare(entry.Key, marker) <= 0 || !_held.Add(entry.Key))
            {
                return;
            }

            _largestFirst.Enqueue(entry, entry.Key);
            if (_largestFirst.Count > maxKeys + 1)
            {
                _held.Remove(_largestFirst.Dequeue().Key);
            }
        }

        public string Marker => marker;

        /// <summary>Whether <paramref name="key"/>, or a key after it, could still make the page.</summary>
        public bool MayHoldKeysFrom(string key) =>
            _largestFirst.Count <= maxKeys || !_largestFirst.TryPeek(out _, out var largest) || keyOrder.Compare(key, largest) < 0;

        /// <summary>Whether keys starting with <paramref name="directoryKey"/> ("dir/") could still make the page.</summary>
        public bool MayHoldKeysUnder(string directoryKey)
        {
            // Every key below sorts after "dir/" itself; if the marker is past all of them, none is wanted.
            if (keyOrder.Compare(marker, directoryKey) >= 0 && !marker.StartsWith(directoryKey, StringComparison.Ordinal))
            {
                return false;
            }

            return MayHoldKeysFrom(directoryKey);
        }

        public S3ListingPage ToPage()
        {
            var truncated = _largestFirst.Count > maxKeys;
            var entries = new List<S3ListedEntry>(_largestFirst.Count);
            while (_largestFirst.TryDequeue(out var entry, out _))
            {
                entries.Add(entry);
            }

            entries.Reverse();
            if (truncated)
            {
                entries.RemoveAt(entries.Count - 1);
            }

            return new S3ListingPage(entries, truncated);
        }
    }
}

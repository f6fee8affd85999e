using System.Collections.Concurrent;
using System.Text.Json;

namespace Kodo.Emulator.Storage;

/// <summary>
/// The buckets and their objects. With a data folder, contents are files under blobs/ and each object's record is
/// a small JSON file under buckets/&lt;bucket&gt;/; a record is written (atomically, by rename) only after its
/// blob is flushed, so a restart finds whole objects only. Without a folder, everything is in memory.
/// </summary>
internal sealed class ObjectStore
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly string? _bucketsFolder;

    private ObjectStore(IBlobStorage blobs, string? bucketsFolder)
    {
        Blobs = blobs;
        _bucketsFolder = bucketsFolder;
    }

    public IBlobStorage Blobs { get; }

    public IEnumerable<string> BucketNames => _buckets.Keys.Order(StringComparer.Ordinal);

    public static ObjectStore InMemory() => new(new MemoryBlobStorage(), null);

    /// <summary>
    /// Opens the store in <paramref name="dataFolder"/>, loading what an earlier run committed. A record that
    /// cannot be read stops the start with <see cref="InvalidDataException"/> naming it, before anything is
    /// deleted: skipping it would let the orphan sweep delete the content it names.
    /// </summary>
    public static ObjectStore Open(string dataFolder)
    {
        var blobs = new FileBlobStorage(Path.Combine(dataFolder, "blobs"));
        var store = new ObjectStore(blobs, Path.Combine(dataFolder, "buckets"));
        Directory.CreateDirectory(store._bucketsFolder!);
        var records = Directory.EnumerateDirectories(store._bucketsFolder!)
            .Select(folder => (Folder: folder, Records: Directory.EnumerateFiles(folder, "*.json").Select(file => (File: file, Info: ReadRecord(file))).ToList()))
            .ToList();
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, bucketRecords) in records)
        {
            var bucket = new Bucket(Path.GetFileName(folder));
            store._buckets[bucket.Name] = bucket;
            foreach (var (file, info) in bucketRecords)
            {
                // A crash between writing a new record and deleting the old one leaves two: the later one wins.
                if (bucket.Find(info.Key) is { } other && other.PutTime >= info.PutTime)
                {
                    File.Delete(file);
                    continue;
                }

                if (bucket.TryPut(info, overwrite: true, out var replaced) && replaced is not null)
                {
                    File.Delete(store.RecordPath(replaced));
                    live.ExceptWith(replaced.BlobIds);
                }

                live.UnionWith(info.BlobIds);
            }

            foreach (var temp in Directory.EnumerateFiles(folder, "*.tmp"))
            {
                File.Delete(temp);
            }
        }

        blobs.RemoveOrphans(live);
        return store;
    }

    private static ObjectInfo ReadRecord(string file)
    {
        string problem;
        try
        {
            var info = JsonSerializer.Deserialize(File.ReadAllBytes(file), StoreJsonContext.Default.ObjectInfo);
            if (info is { Bucket: not null, Key: not null, Hash: not null, MimeType: not null, BlobId: not null, Meta: not null })
            {
                return info;
            }

            problem = "fields are missing";
        }
        catch (JsonException e)
        {
            problem = e.Message;
        }

        throw new InvalidDataException(
            $"corrupt object record {file} ({problem.ReplaceLineEndings(" ")}); nothing was changed: restore or move the file away, then start again");
    }

    public Bucket? FindBucket(string name) => _buckets.GetValueOrDefault(name);

    public bool CreateBucket(string name, bool isPrivate = true)
    {
        var bucket = new Bucket(name) { IsPrivate = isPrivate };
        if (!_buckets.TryAdd(name, bucket))
        {
            return false;
        }

        if (_bucketsFolder is not null)
        {
            Directory.CreateDirectory(Path.Combine(_bucketsFolder, name));
        }

        return true;
    }

    /// <summary>Drops an empty bucket; false when it is missing or still holds objects.</summary>
    public bool DropBucket(string name)
    {
        if (!_buckets.TryGetValue(name, out var bucket) || bucket.Count > 0 || !_buckets.TryRemove(name, out _))
        {
            return false;
        }

        if (_bucketsFolder is not null)
        {
            Directory.Delete(Path.Combine(_bucketsFolder, name), recursive: true);
        }

        return true;
    }

    public ObjectInfo? Stat(string bucket, string key) => FindBucket(bucket)?.Find(key);

    /// <summary>Starts a blob for incoming bytes; <paramref name="withMd5"/> when Kodo reports their MD5.</summary>
    public StagedBlob Stage(bool withMd5 = true) => new(Blobs, withMd5);

    /// <summary>Makes sealed blobs the content of an object; they belong to the object from then on.</summary>
    public PutOutcome Commit(IReadOnlyList<StagedBlob> blobs, ObjectInfo info, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        var outcome = Commit(info, overwrite);
        if (outcome == PutOutcome.Stored)
        {
            foreach (var blob in blobs)
            {
                blob.Keep();
            }
        }

        return outcome;
    }

    /// <summary>Replaces an object's metadata (mime type, x-qn-meta, putTime) and keeps its content.</summary>
    public bool UpdateMetadata(ObjectInfo updated)
    {
        if (FindBucket(updated.Bucket) is not { } bucket || bucket.Find(updated.Key)?.BlobId != updated.BlobId)
        {
            return false;
        }

        WriteRecord(updated);
        return bucket.TryPut(updated, overwrite: true, out _);
    }

    public bool Delete(string bucketName, string key)
    {
        if (FindBucket(bucketName) is not { } bucket || !bucket.TryRemove(key, expected: null, out var removed))
        {
            return false;
        }

        Forget(removed!);
        return true;
    }

    /// <summary>Copies or moves an object; the destination is replaced only when <paramref name="force"/> is set.</summary>
    public PutOutcome Copy(string fromBucket, string fromKey, string toBucket, string toKey, bool force, bool move, long putTime)
    {
        if (FindBucket(fromBucket) is not { } source || FindBucket(toBucket) is null)
        {
            return PutOutcome.NoSuchBucket;
        }

        if (source.Find(fromKey) is not { } original)
        {
            return PutOutcome.NoSuchSource;
        }

        if (move && fromBucket == toBucket && fromKey == toKey)
        {
            return force ? PutOutcome.Stored : PutOutcome.Exists;
        }

        var segments = original.Segments?.Select(s => s with { BlobId = Blobs.Copy(s.BlobId) }).ToList();
        var blobId = segments?[0].BlobId ?? Blobs.Copy(original.BlobId);
        var copy = original with { Bucket = toBucket, Key = toKey, BlobId = blobId, PutTime = putTime, Segments = segments };
        var outcome = Commit(copy, force);
        if (outcome != PutOutcome.Stored)
        {
            foreach (var id in copy.BlobIds)
            {
                Blobs.Delete(id);
            }

            return outcome;
        }

        if (move && source.TryRemove(fromKey, original, out var removed))
        {
            Forget(removed!);
        }

        return outcome;
    }

    private PutOutcome Commit(ObjectInfo info, bool overwrite)
    {
        if (FindBucket(info.Bucket) is not { } bucket)
        {
            return PutOutcome.NoSuchBucket;
        }

        if (!overwrite && bucket.Find(info.Key) is not null)
        {
            return PutOutcome.Exists;
        }

        WriteRecord(info);
        if (!bucket.TryPut(info, overwrite, out var previous))
        {
            DeleteRecord(info);
            return PutOutcome.Exists;
        }

        if (previous is not null)
        {
            Forget(previous);
        }

        return PutOutcome.Stored;
    }

    private void Forget(ObjectInfo info)
    {
        DeleteRecord(info);
        foreach (var blobId in info.BlobIds)
        {
            Blobs.Delete(blobId);
        }
    }

    private void WriteRecord(ObjectInfo info)
    {
        if (_bucketsFolder is null)
        {
            return;
        }

        var path = RecordPath(info);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, info, StoreJsonContext.Default.ObjectInfo);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private void DeleteRecord(ObjectInfo info)
    {
        if (_bucketsFolder is not null)
        {
            File.Delete(RecordPath(info));
        }
    }

    private string RecordPath(ObjectInfo info) => Path.Combine(_bucketsFolder!, info.Bucket, info.BlobId + ".json");
}

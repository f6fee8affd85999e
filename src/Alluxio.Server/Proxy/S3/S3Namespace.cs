using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Alluxio.Client;
using Alluxio.Client.Data;
using Alluxio.Client.Options;
using Alluxio.Errors;
using S3.Protocol;
using S3.Protocol.Body;
using S3.Protocol.Errors;

namespace Alluxio.Server.Proxy.S3;

/// <summary>
/// Buckets and objects over the namespace: what each S3 operation does to directories and files, with Alluxio's
/// errors turned into S3's. Bodies stream through pooled buffers; nothing holds a whole object.
/// </summary>
internal sealed class S3Namespace(FileSystem fileSystem, S3Settings settings)
{
    private const int CopyBufferSize = 1 << 20;

    /// <summary>The ETag of no bytes: their MD5.</summary>
    private const string EmptyETag = "\"d41d8cd98f00b204e9800998ecf8427e\"";

    public FileSystem FileSystem => fileSystem;

    public S3Settings Settings => settings;

    public async Task<IReadOnlyList<UriStatus>> ListBucketsAsync(CancellationToken cancellationToken)
    {
        var buckets = new List<UriStatus>();
        await foreach (var child in fileSystem.ListStatusAsync("/", ListStatusOptions.Default, cancellationToken).ConfigureAwait(false))
        {
            if (child.IsFolder && !child.Name.StartsWith(S3Paths.HiddenPrefix, StringComparison.Ordinal))
            {
                buckets.Add(child);
            }
        }

        return buckets;
    }

    /// <summary>The bucket's directory; NoSuchBucket when there is none.</summary>
    public async Task<UriStatus> GetBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        var status = await StatusOrNullAsync(S3Paths.Bucket(bucket), bucket, S3ErrorCode.NoSuchBucket, cancellationToken).ConfigureAwait(false);
        return status is { IsFolder: true } ? status : throw new S3Exception(S3ErrorCode.NoSuchBucket, resource: bucket);
    }

    public async Task CreateBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        foreach (var part in bucket.Split(':'))
        {
            S3BucketName.Validate(part);
        }

        var path = S3Paths.Bucket(bucket);
        if (await StatusOrNullAsync(path, bucket, S3ErrorCode.NoSuchBucket, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new S3Exception(S3ErrorCode.BucketAlreadyOwnedByYou, resource: bucket);
        }

        await CallAsync(
            bucket,
            S3ErrorCode.NoSuchBucket,
            () => fileSystem.CreateDirectoryAsync(path, new CreateDirectoryOptions { Recursive = true, WriteType = settings.WriteType }, cancellationToken)).ConfigureAwait(false);
    }

    public async Task DeleteBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        var path = (await GetBucketAsync(bucket, cancellationToken).ConfigureAwait(false)).Path;
        await foreach (var child in fileSystem.ListStatusAsync(path, ListStatusOptions.Default, cancellationToken).ConfigureAwait(false))
        {
            if (!child.Name.StartsWith(S3Paths.HiddenPrefix, StringComparison.Ordinal))
            {
                throw new S3Exception(S3ErrorCode.BucketNotEmpty, resource: bucket);
            }
        }

        // What is left is the proxy's own: uploads nobody completed.
        await CallAsync(bucket, S3ErrorCode.NoSuchBucket, () => fileSystem.DeleteAsync(path, Deletion(recursive: true), cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The object's status: a completed file, or for a key ending in "/" a directory; NoSuchKey otherwise.</summary>
    public async Task<UriStatus> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await GetBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
        var status = await StatusOrNullAsync(S3Paths.Object(bucket, key), Resource(bucket, key), S3ErrorCode.NoSuchKey, cancellationToken).ConfigureAwait(false);
        var isDirectoryKey = key.EndsWith('/');
        return status is not null && status.IsFolder == isDirectoryKey && (isDirectoryKey || status.IsCompleted)
            ? status
            : throw new S3Exception(S3ErrorCode.NoSuchKey, resource: Resource(bucket, key));
    }

    /// <summary>Opens a file object for reading.</summary>
    public Task<FileInStream> OpenAsync(string bucket, string key, UriStatus status, CancellationToken cancellationToken) =>
        CallAsync(Resource(bucket, key), S3ErrorCode.NoSuchKey, () => fileSystem.OpenFileAsync(status.Path, OpenFileOptions.Default, cancellationToken));

    /// <summary>
    /// Writes an object: the body goes to a staging file first, which replaces the key's file only once it is
    /// complete, so a failed or abandoned upload leaves the object that was there. A key ending in "/" makes a
    /// directory, which must come with no content.
    /// </summary>
    public Task<S3PutResult> PutObjectAsync(
        string bucket, string key, Stream body, IReadOnlyDictionary<string, byte[]> xattr, CancellationToken cancellationToken) =>
        PutObjectAsync(bucket, key, body, xattr, knownETag: null, cancellationToken);

    /// <summary>As the other overload; <paramref name="knownETag"/>, when given, is the object's ETag instead of its MD5 (a multipart upload's).</summary>
    public async Task<S3PutResult> PutObjectAsync(
        string bucket, string key, Stream body, IReadOnlyDictionary<string, byte[]> xattr, string? knownETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        S3ObjectKey.Validate(key);
        await GetBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
        var resource = Resource(bucket, key);
        var target = S3Paths.Object(bucket, key);
        if (key.EndsWith('/'))
        {
            var buffer = new byte[1];
            if (await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
                throw new S3Exception(S3ErrorCode.InvalidRequest, $"The key {key} ends in '/', which names a directory here; a directory holds no content.", resource);
            }

            var marked = new Dictionary<string, byte[]>(xattr, StringComparer.Ordinal) { [S3Lister.DirectoryMarkerXAttr] = [1] };
            var directory = await CallAsync(
                resource,
                S3ErrorCode.NoSuchKey,
                () => fileSystem.CreateDirectoryAsync(
                    target, new CreateDirectoryOptions { Recursive = true, AllowExists = true, WriteType = settings.WriteType, XAttr = marked }, cancellationToken)).ConfigureAwait(false);
            await CallAsync(resource, S3ErrorCode.NoSuchKey, () => fileSystem.SetAttributeAsync(target, new SetAttributeOptions { XAttr = marked }, cancellationToken)).ConfigureAwait(false);
            return new S3PutResult(EmptyETag, directory);
        }

        return await WriteReplacingAsync(bucket, target, body, xattr, resource, knownETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="body"/> to a staging file of the bucket, then moves it onto <paramref name="target"/>.</summary>
    public async Task<S3PutResult> WriteReplacingAsync(
        string bucket, string target, Stream body, IReadOnlyDictionary<string, byte[]> xattr, string resource, string? knownETag, CancellationToken cancellationToken)
    {
        var staging = S3Paths.Staging(bucket);
        var etag = await WriteAsync(staging, body, xattr, resource, knownETag, cancellationToken).ConfigureAwait(false);
        var status = await ReplaceAsync(staging, target, resource, cancellationToken).ConfigureAwait(false);
        return new S3PutResult(etag, status);
    }

    /// <summary>
    /// Makes the complete file at <paramref name="source"/> the object <paramref name="key"/>, with
    /// <paramref name="xattr"/> and <paramref name="etag"/>: a rename, in the namespace and the UFS, so no byte is copied.
    /// </summary>
    public async Task<S3PutResult> MoveToObjectAsync(
        string bucket, string key, string source, IReadOnlyDictionary<string, byte[]> xattr, string etag, CancellationToken cancellationToken)
    {
        var resource = Resource(bucket, key);
        var attributes = new Dictionary<string, byte[]>(xattr, StringComparer.Ordinal) { [S3XAttr.ETag] = Encoding.UTF8.GetBytes(etag) };
        await CallAsync(resource, S3ErrorCode.NoSuchUpload, () => fileSystem.SetAttributeAsync(source, new SetAttributeOptions { XAttr = attributes }, cancellationToken))
            .ConfigureAwait(false);
        var status = await ReplaceAsync(source, S3Paths.Object(bucket, key), resource, cancellationToken).ConfigureAwait(false);
        return new S3PutResult(etag, status);
    }

    /// <summary>Removes an object; a key that is not there is no error, as in S3.</summary>
    public async Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await GetBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
        var resource = Resource(bucket, key);
        var path = S3Paths.Object(bucket, key);
        if (await StatusOrNullAsync(path, resource, S3ErrorCode.NoSuchKey, cancellationToken).ConfigureAwait(false) is not { } status
            || status.IsFolder != key.EndsWith('/'))
        {
            return;
        }

        if (status.IsFolder && status.Length > 0)
        {
            // The directory's marker object goes; the objects under it stay, as in S3.
            await CallAsync(
                resource,
                S3ErrorCode.NoSuchKey,
                () => fileSystem.SetAttributeAsync(
                    path,
                    new SetAttributeOptions { XAttr = new Dictionary<string, byte[]> { [S3Lister.DirectoryMarkerXAttr] = [] }, XAttrUpdateStrategy = Grpc.XAttrUpdateStrategy.DeleteKeys },
                    cancellationToken)).ConfigureAwait(false);
            return;
        }

        await CallAsync(resource, S3ErrorCode.NoSuchKey, () => fileSystem.DeleteAsync(path, Deletion(recursive: false), cancellationToken), missingIsDone: true).ConfigureAwait(false);
        await RemoveEmptyParentsAsync(bucket, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the directories a deleted object leaves empty, up to the bucket, as S3 has no prefix once its last key
    /// is gone; directories made as objects ("dir/") stay. A directory that gained a child meanwhile is kept.
    /// </summary>
    private async Task RemoveEmptyParentsAsync(string bucket, string path, CancellationToken cancellationToken)
    {
        var bucketPath = S3Paths.Bucket(bucket);
        for (var parent = path[..path.LastIndexOf('/')]; parent.Length > bucketPath.Length; parent = parent[..parent.LastIndexOf('/')])
        {
            var status = await StatusOrNullAsync(parent, parent, S3ErrorCode.NoSuchKey, cancellationToken).ConfigureAwait(false);
            if (status is not { IsFolder: true, Length: 0 } || status.XAttr.ContainsKey(S3Lister.DirectoryMarkerXAttr))
            {
                return;
            }

            try
            {
                await fileSystem.DeleteAsync(parent, Deletion(recursive: false), cancellationToken).ConfigureAwait(false);
            }
            catch (AlluxioException e) when (e.ErrorType is ErrorType.DirectoryNotEmpty or ErrorType.FileDoesNotExist)
            {
                // Another request wrote below it, or removed it, in between.
                return;
            }
        }
    }

    /// <summary>The quoted ETag of an object: the MD5 recorded when it was written through S3, else one made from its identity.</summary>
    public static string ETagOf(UriStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.XAttr.TryGetValue(S3XAttr.ETag, out var recorded))
        {
            return recorded.ToStringUtf8();
        }

        // Not written through S3, so no MD5 is known; the "-1" suffix tells clients this is not one.
        var identity = SHA256.HashData(Encoding.UTF8.GetBytes($"{status.FileId}:{status.Length}:{status.LastModificationTimeMs}"));
        return $"\"{Convert.ToHexStringLower(identity.AsSpan(0, 16))}-1\"";
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 defines an object's ETag as the MD5 of its content; it is an integrity value, not security.")]
    private async Task<string> WriteAsync(
        string path, Stream body, IReadOnlyDictionary<string, byte[]> xattr, string resource, string? knownETag, CancellationToken cancellationToken)
    {
        var output = await CallAsync(
            resource,
            S3ErrorCode.NoSuchBucket,
            () => fileSystem.CreateFileAsync(path, new CreateFileOptions { Recursive = true, WriteType = settings.WriteType, XAttr = xattr }, cancellationToken)).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            using var md5 = body is S3BodyStream || knownETag is not null ? null : IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    md5?.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                // A body that failed its checks, a client gone, or a failed write: the file is discarded, never completed.
                await output.CancelAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            var digest = md5?.GetHashAndReset() ?? (body as S3BodyStream)?.ContentMd5;
            var etag = knownETag ?? (digest is null ? EmptyETag : S3ETag.FromMd5(digest));
            output.CompletionXAttr[S3XAttr.ETag] = Encoding.UTF8.GetBytes(etag);
            return etag;
        }
    }

    /// <summary>Moves a complete staging file onto the key's path, replacing the file there.</summary>
    private async Task<UriStatus> ReplaceAsync(string staging, string target, string resource, CancellationToken cancellationToken)
    {
        try
        {
            var parent = target[..target.LastIndexOf('/')];
            await CallAsync(
                resource,
                S3ErrorCode.NoSuchKey,
                () => fileSystem.CreateDirectoryAsync(parent, new CreateDirectoryOptions { Recursive = true, AllowExists = true, WriteType = settings.WriteType }, cancellationToken))
                .ConfigureAwait(false);
            for (var attempt = 0; ; attempt++)
            {
                if (await StatusOrNullAsync(target, resource, S3ErrorCode.NoSuchKey, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    if (existing.IsFolder)
                    {
                        throw new S3Exception(
                            S3ErrorCode.InvalidRequest, $"The key {resource} names a directory here (other keys start with it and '/'); an object cannot take its place.", resource);
                    }

                    await CallAsync(resource, S3ErrorCode.NoSuchKey, () => fileSystem.DeleteAsync(target, Deletion(recursive: false), cancellationToken), missingIsDone: true)
                        .ConfigureAwait(false);
                }

                try
                {
                    await fileSystem.RenameAsync(staging, target, cancellationToken).ConfigureAwait(false);
                    return await fileSystem.GetStatusAsync(target, GetStatusOptions.Default, cancellationToken).ConfigureAwait(false);
                }
                catch (AlluxioException e) when (e.ErrorType == ErrorType.FileAlreadyExists && attempt < 3)
                {
                    // Another PUT of the same key landed in between; the last one to land wins, as in S3.
                }
                catch (AlluxioException e)
                {
                    throw S3ErrorMapping.From(e, S3ErrorCode.NoSuchKey, resource);
                }
            }
        }
        catch
        {
            await DiscardAsync(staging).ConfigureAwait(false);
            throw;
        }
    }

    private async Task DiscardAsync(string path)
    {
        try
        {
            await fileSystem.DeleteAsync(path, Deletion(recursive: false), CancellationToken.None).ConfigureAwait(false);
        }
        catch (AlluxioException)
        {
            // Left behind under the hidden staging folder, which listings skip and deleting the bucket removes.
        }
    }

    private DeleteOptions Deletion(bool recursive) => new() { Recursive = recursive, AlluxioOnly = !settings.DeleteFromUfs, Unchecked = true };

    internal async Task<UriStatus?> StatusOrNullAsync(string path, string resource, S3ErrorCode notFound, CancellationToken cancellationToken)
    {
        try
        {
            return await fileSystem.GetStatusAsync(path, GetStatusOptions.Default, cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException e) when (e.ErrorType == ErrorType.FileDoesNotExist)
        {
            return null;
        }
        catch (AlluxioException e)
        {
            throw S3ErrorMapping.From(e, notFound, resource);
        }
    }

    internal static async Task<T> CallAsync<T>(string resource, S3ErrorCode notFound, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AlluxioException e)
        {
            throw S3ErrorMapping.From(e, notFound, resource);
        }
    }

    internal static async Task CallAsync(string resource, S3ErrorCode notFound, Func<Task> call, bool missingIsDone = false)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (AlluxioException e) when (missingIsDone && e.ErrorType == ErrorType.FileDoesNotExist)
        {
        }
        catch (AlluxioException e)
        {
            throw S3ErrorMapping.From(e, notFound, resource);
        }
    }

    private static string Resource(string bucket, string key) => $"/{bucket}/{key}";
}

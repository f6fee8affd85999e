using Alluxio.Errors;
using Alluxio.UnderFs.ObjectStore;
using Alluxio.UnderFs.Options;
using Kodo.Client;

namespace Alluxio.UnderFs.Kodo;

/// <summary>
/// The UFS for kodo://bucket/path on <see cref="KodoClient"/>. Unlike Alluxio's Kodo module, a failed upload is an
/// error to the writer, a missing key is FileNotFound while a bad key pair is an authentication error, calls are
/// retried on 5xx and resets, keys are URL-escaped, reads past the end answer 0, and the qetag is the content hash.
/// </summary>
public sealed class KodoUnderFileSystem(KodoClient client, UnderFileSystemConfiguration configuration)
    : ObjectUnderFileSystem(ObjectUnderFileSystemOptions.From(configuration))
{
    public override string UnderFSType => "kodo";

    public override ValueTask DisposeAsync() => client.DisposeAsync();

    /// <summary>How Kodo's answers read as Alluxio's error kinds.</summary>
    public override ErrorType? ClassifyError(Exception exception) => exception is not KodoException kodo
        ? null
        : kodo switch
        {
            { IsNotFound: true } => ErrorType.FileDoesNotExist,
            { IsAuthentication: true } => ErrorType.Unauthenticated,
            { IsForbidden: true } => ErrorType.AccessControl,
            { IsAlreadyExists: true } => ErrorType.FileAlreadyExists,
            { IsNoSuchBucket: true } => ErrorType.FailedPrecondition,
            { IsChanged: true } => ErrorType.FailedPrecondition,
            { IsTimeout: true } => ErrorType.DeadlineExceeded,
            { IsInvalidRequest: true } => ErrorType.InvalidArgument,
            _ => ErrorType.Unavailable,
        };

    protected override async Task<ObjectStatus?> GetObjectStatusAsync(string key, CancellationToken cancellationToken) =>
        await client.StatAsync(key, cancellationToken).ConfigureAwait(false) is { } info ? ToStatus(info) : null;

    protected override async Task<ObjectListingPage> ListObjectsAsync(string prefix, string? delimiter, string? marker, int limit, CancellationToken cancellationToken)
    {
        var page = await client.ListAsync(prefix, delimiter, marker, limit, cancellationToken).ConfigureAwait(false);
        return new ObjectListingPage([.. page.Items.Select(ToStatus)], page.CommonPrefixes, page.Marker);
    }

    protected override async Task<Stream?> OpenObjectAsync(string key, OpenOptions options, CancellationToken cancellationToken)
    {
        if (options.Length == 0)
        {
            // Nothing to read, so no download; the object must still be there.
            return await client.StatAsync(key, cancellationToken).ConfigureAwait(false) is null ? null : Stream.Null;
        }

        try
        {
            return await client.OpenReadAsync(key, options.Offset, options.Length, options.ContentHash, cancellationToken).ConfigureAwait(false);
        }
        catch (KodoException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    protected override Task<Stream> CreateObjectAsync(string key, CancellationToken cancellationToken)
    {
        var upload = client.OpenWrite(key);
        return Task.FromResult<Stream>(new AbortableWriteStream(upload, upload.AbortAsync));
    }

    protected override Task CreateEmptyObjectAsync(string key, CancellationToken cancellationToken) =>
        client.PutAsync(key, ReadOnlyMemory<byte>.Empty, cancellationToken);

    protected override async Task<bool> CopyObjectAsync(string source, string destination, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CopyAsync(source, destination, force: true, cancellationToken).ConfigureAwait(false);
        }
        catch (KodoException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    protected override Task<bool> DeleteObjectAsync(string key, CancellationToken cancellationToken) =>
        client.DeleteAsync(key, cancellationToken);

    protected override async Task<IReadOnlyList<string>> DeleteObjectsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var results = await client.DeleteManyAsync(keys, cancellationToken).ConfigureAwait(false);
        return [.. results.Where(r => !r.Deleted).Select(r => r.Key)];
    }

    private static ObjectStatus ToStatus(KodoObjectInfo info) => new(info.Key, info.Size, info.Hash, info.PutTime);
}

using System.Collections.Concurrent;
using Alluxio.Client;
using Alluxio.Paths;
using S3.Protocol.Auth;

namespace Alluxio.Server.Proxy.S3;

/// <summary>
/// The S3 operations as each user the proxy acts for: as in Alluxio, a request's access key is its user name, and
/// what it creates is that user's; an unsigned request acts as the proxy's own user. Every user's operations share
/// the proxy's connections.
/// </summary>
internal sealed class S3Sessions(FileSystem fileSystem, S3Settings settings)
{
    /// <summary>Users kept at once; past this, a user's operations are made for each request and dropped.</summary>
    private const int MaxCachedUsers = 1024;

    private readonly ConcurrentDictionary<string, S3Operations> _byUser = new(StringComparer.Ordinal);
    private readonly S3Operations _proxyUser = Create(fileSystem, settings);

    public S3Operations For(S3Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.AccessKey is not { Length: > 0 } user)
        {
            return _proxyUser;
        }

        if (_byUser.TryGetValue(user, out var operations))
        {
            return operations;
        }

        operations = Create(fileSystem.ForUser(user), settings);
        return _byUser.Count < MaxCachedUsers ? _byUser.GetOrAdd(user, operations) : operations;
    }

    private static S3Operations Create(FileSystem fileSystem, S3Settings settings)
    {
        var store = new S3Namespace(fileSystem, settings);
        return new S3Operations(store, new S3Lister(fileSystem, CodePointOrder.Instance), new S3MultipartUploads(store));
    }
}

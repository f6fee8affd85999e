using System.Collections.Concurrent;
using Alluxio.Configuration;
using Alluxio.UnderFs;

namespace Alluxio.Master.Mounts;

/// <summary>
/// One UFS client per mount, made on first use and reused by every operation under the mount. A mount's client
/// is dropped when the mount goes away or its options change (the new mount id gets a new client).
/// </summary>
public sealed class UfsManager : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Lazy<UnderFileSystem>> _byMountId = new();
    private readonly UnderFileSystemRegistry _registry;
    private readonly AlluxioConfiguration _configuration;

    private readonly KnownSecrets _secrets;

    public UfsManager(UnderFileSystemRegistry registry, AlluxioConfiguration configuration, KnownSecrets secrets)
    {
        _registry = registry;
        _configuration = configuration;
        _secrets = secrets;
    }

    /// <summary>The client of <paramref name="mount"/>.</summary>
    public UnderFileSystem Get(MountInfo mount)
    {
        ArgumentNullException.ThrowIfNull(mount);
        return _byMountId.GetOrAdd(mount.MountId, _ => new Lazy<UnderFileSystem>(() => Create(mount))).Value;
    }

    /// <summary>A client for a mount that does not exist yet, to check it before mounting.</summary>
    public UnderFileSystem Create(MountInfo mount)
    {
        ArgumentNullException.ThrowIfNull(mount);
        _secrets.AddFrom(mount.Properties);
        var configuration = UnderFileSystemConfiguration.ForMount(_configuration, mount.Properties, mount.ReadOnly);
        return _registry.Create(mount.UfsUri.ToString(), configuration);
    }

    /// <summary>Hands over a client made by <see cref="Create"/> for the mount it was checked for.</summary>
    public void Adopt(long mountId, UnderFileSystem ufs) =>
        _byMountId[mountId] = new Lazy<UnderFileSystem>(ufs);

    /// <summary>Drops and disposes the client of a mount that went away.</summary>
    public async ValueTask ReleaseAsync(long mountId)
    {
        if (_byMountId.TryRemove(mountId, out var lazy) && lazy.IsValueCreated)
        {
            await lazy.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mountId in _byMountId.Keys)
        {
            await ReleaseAsync(mountId).ConfigureAwait(false);
        }
    }
}

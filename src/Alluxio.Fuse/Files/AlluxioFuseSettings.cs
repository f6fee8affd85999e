namespace Alluxio.Fuse.Files;

/// <summary>How the mount serves the namespace.</summary>
/// <param name="RootPath">The Alluxio directory mounted as the mount point.</param>
/// <param name="StatusCacheTime">How long the mount answers getattr from what it last fetched (alluxio.user.metadata.cache.*); zero asks the master every time.</param>
/// <param name="StatFsRefresh">How long a statfs answer is kept (alluxio.fuse.stat.cache.refresh.interval).</param>
public sealed record AlluxioFuseSettings(string RootPath, FuseMountOptions Options, TimeSpan StatusCacheTime, TimeSpan StatFsRefresh);

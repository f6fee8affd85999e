using Alluxio.UnderFs;

namespace Alluxio.Worker.Ufs;

/// <summary>A mount's UFS client and the counters of the bytes read from and written to it.</summary>
internal sealed record MountedUfs(UnderFileSystem Ufs, UfsCounters Counters);

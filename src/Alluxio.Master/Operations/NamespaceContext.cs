using Alluxio.Configuration;
using Alluxio.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Journal;
using Alluxio.Master.Locking;
using Alluxio.Master.Mounts;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Operations;

/// <summary>What the namespace operations share: the tree, its locks, the journal, the UFS clients and the clock.</summary>
public sealed record NamespaceContext(
    AlluxioConfiguration Configuration,
    InodeTree Tree,
    PathLockManager Locks,
    IJournal Journal,
    RecentOperations RecentOperations,
    UfsManager Ufs,
    TimeProvider Time,
    ILoggerFactory LoggerFactory)
{
    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();
}

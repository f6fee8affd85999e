using Alluxio.Configuration;
using Alluxio.Journal;
using Alluxio.Master.Block;
using Alluxio.Master.Inodes;
using Alluxio.Master.Journal;
using Alluxio.Master.Locking;
using Alluxio.Master.Mounts;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Operations;

/// <summary>
/// What the namespace operations share: the tree, its locks, the journal, the UFS clients, the clock and the workers
/// with the blocks they hold.
/// </summary>
public sealed record NamespaceContext(
    AlluxioConfiguration Configuration,
    InodeTree Tree,
    PathLockManager Locks,
    IJournal Journal,
    RecentOperations RecentOperations,
    UfsManager Ufs,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    WorkerRegistry Workers)
{
    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();
}

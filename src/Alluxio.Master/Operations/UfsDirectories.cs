using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Inodes;
using Alluxio.Master.Mounts;
using Alluxio.Paths;
using Alluxio.UnderFs;
using Alluxio.UnderFs.Options;

namespace Alluxio.Master.Operations;

/// <summary>Makes directories exist in the UFS for Alluxio directories that a write is about to persist under.</summary>
internal static class UfsDirectories
{
    /// <summary>
    /// Creates <paramref name="directory"/> (with its parents) in the UFS unless Alluxio has it persisted already,
    /// and returns the ops that mark the existing Alluxio directories on the way persisted. Call while holding the
    /// lock on the path being written.
    /// </summary>
    public static async Task<List<JournalOp>> PersistAsync(
        InodeTree tree, UnderFileSystem ufs, MountInfo mount, AlluxioUri directory, CancellationToken cancellationToken)
    {
        var ops = new List<JournalOp>();
        List<Inode> unpersisted;
        bool missing;
        using (tree.ReadLocked())
        {
            var resolved = tree.Resolve(directory);
            missing = !resolved.Exists;
            unpersisted = [.. resolved.Inodes
                .Select((inode, depth) => (inode, depth))
                .Where(x => x.depth >= mount.AlluxioPath.Depth && !x.inode.IsPersisted)
                .Select(x => x.inode)];
        }

        // Directories Alluxio is about to create on the way need the UFS folders as much as unpersisted ones do.
        if (unpersisted.Count == 0 && !missing)
        {
            return ops;
        }

        var ufsPath = mount.ToUfs(directory).ToString();
        if (!await ufs.MkdirsAsync(ufsPath, new MkdirsOptions { CreateParent = true }, cancellationToken).ConfigureAwait(false))
        {
            throw new AlluxioException(ErrorType.FailedPrecondition, $"Failed to create directory {ufsPath} in the under file system: a file is in the way.");
        }

        foreach (var inode in unpersisted)
        {
            ops.Add(new JournalOp { UpdateInode = new UpdateInodeEntry { Id = inode.Id, PersistenceState = PersistenceState.Persisted } });
        }

        return ops;
    }
}

namespace Alluxio.Master.Journal;

/// <summary>
/// Told of every file the journal removes (delete, overwrite, TTL, a sync replacing an inode), so the blocks cached
/// under its id can go. Called during apply, under the tree's write lock: it must be quick and never take that lock.
/// </summary>
public interface IFileRemovalListener
{
    public void OnFileRemoved(long fileId);
}

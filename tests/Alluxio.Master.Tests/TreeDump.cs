using System.Text;
using Alluxio.Master.Inodes;

namespace Alluxio.Master.Tests;

/// <summary>Everything the journal keeps of a tree, as text, in path order, to compare two trees.</summary>
internal static class TreeDump
{
    public static string Of(InodeTree tree)
    {
        var lines = new List<string>();
        using (tree.ReadLocked())
        {
            if (tree.Root is null)
            {
                return "(no root)";
            }

            var pending = new Stack<(string Path, Inode Inode)>();
            pending.Push(("/", tree.Root));
            while (pending.TryPop(out var item))
            {
                var (path, inode) = item;
                var line = new StringBuilder()
                    .Append(path).Append(" id=").Append(inode.Id).Append(" mode=").Append(inode.Mode)
                    .Append(" owner=").Append(inode.Owner).Append(" group=").Append(inode.Group)
                    .Append(" persist=").Append(inode.PersistenceState).Append(" pinned=").Append(inode.Pinned)
                    .Append(" ttl=").Append(inode.Ttl).Append('/').Append(inode.TtlAction)
                    .Append(" created=").Append(inode.CreationTimeMs).Append(" modified=").Append(inode.LastModificationTimeMs)
                    .Append(" fp=").Append(inode.UfsFingerprint)
                    .Append(" xattr=").Append(string.Join(',', inode.XAttr.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + ":" + x.Value.ToBase64())));
                switch (inode)
                {
                    case InodeFile file:
                        line.Append(" file length=").Append(file.Length).Append(" completed=").Append(file.Completed)
                            .Append(" block=").Append(file.BlockSizeBytes).Append(" media=").Append(string.Join(',', file.PinnedMedia));
                        break;
                    case InodeDirectory directory:
                        line.Append(" dir loaded=").Append(directory.DirectChildrenLoaded).Append(" mount=").Append(directory.IsMountPoint);
                        foreach (var child in tree.Store.GetChildren(directory))
                        {
                            pending.Push((path == "/" ? "/" + child.Name : path + "/" + child.Name, child));
                        }

                        break;
                }

                lines.Add(line.ToString());
            }

            foreach (var mount in tree.Mounts.All)
            {
                lines.Add($"mount {mount.AlluxioPath} {mount.UfsUri} id={mount.MountId} ro={mount.ReadOnly} shared={mount.Shared} "
                    + string.Join(',', mount.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)));
            }

            lines.Add($"count={tree.Store.Count}");
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }
}

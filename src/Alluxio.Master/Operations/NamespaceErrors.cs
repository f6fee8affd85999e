using Alluxio.Errors;
using Alluxio.Master.Inodes;
using Alluxio.Master.Mounts;
using Alluxio.Paths;

namespace Alluxio.Master.Operations;

/// <summary>Alluxio's messages for namespace failures, in one place.</summary>
public static class NamespaceErrors
{
    public static AlluxioException PathDoesNotExist(AlluxioUri path) =>
        new(ErrorType.FileDoesNotExist, $"Path \"{path}\" does not exist.");

    public static AlluxioException AlreadyExists(AlluxioUri path) =>
        new(ErrorType.FileAlreadyExists, $"{path} already exists");

    public static AlluxioException ReadOnlyMount(AlluxioUri path, MountInfo mount) =>
        new(ErrorType.AccessControl, $"A write operation on {path} under a readonly mount point {mount.AlluxioPath} is not allowed");

    public static AlluxioException NotADirectory(AlluxioUri path, Inode file, InodePath resolved) =>
        new(ErrorType.InvalidPath, $"Cannot create {path}: {resolved.PathOfDepth(resolved.Inodes.Count - 1)} is a file, not a directory ({file.Name}).");

    public static AlluxioException ParentMissing(AlluxioUri path, InodePath resolved) =>
        new(ErrorType.FileDoesNotExist, $"Cannot create {path}: its parent {resolved.FirstMissingPath} does not exist; create parents with the recursive option.");

    /// <summary>Fails when <paramref name="path"/> lies under a read-only mount.</summary>
    public static void ThrowIfReadOnly(InodeTree tree, AlluxioUri path)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.Mounts.Resolve(path) is { ReadOnly: true } mount)
        {
            throw ReadOnlyMount(path, mount);
        }
    }
}

using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Master.Inodes;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

public sealed class ConcurrencyTests
{
    private static readonly string[] s_names = ["a", "b", "c"];

    [Fact]
    public async Task ConcurrentChangesOnOverlappingPathsNeitherDeadlockNorBreakTheTree()
    {
        await using var ns = await NamespaceFixture.StartAsync();

        // A deadlock shows as this deadline passing, not as a hung suite.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(NamespaceFixture.Token);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        var workers = Enumerable.Range(0, 8).Select(seed => Task.Run(() => WorkAsync(ns, seed, deadline.Token), deadline.Token));
        await Task.WhenAll(workers);

        AssertTreeIsConsistent(ns.Master.Context.Tree);
        AssertMatchesUfs(ns, "/");

        // The UFS and Alluxio agree, so a full sync keeps every path and id (it may only fill in fingerprints).
        var before = (await ns.ListAsync("/", recursive: true)).Select(i => (i.Path, i.FileId, i.Folder)).ToList();
        var after = (await ns.ListAsync("/", recursive: true, call: CallContext.Default with { SyncIntervalMs = 0 })).Select(i => (i.Path, i.FileId, i.Folder)).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ACreateWhoseParentIsDeletedWhileItWaitsLocksTheParentBeforeRemakingIt()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var token = NamespaceFixture.Token;
        var locks = ns.Master.Context.Locks;
        var mkdir = new CreateDirectoryPOptions { Recursive = true, WriteType = WritePType.CacheThrough };
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a"), mkdir, CallContext.Default, token);

        // Hold /a so that a delete of /a and two creates below it queue up in that order.
        var held = await locks.LockAsync(AlluxioUri.Parse("/a"), token);
        var delete = ns.Master.DeleteAsync(AlluxioUri.Parse("/a"), new DeletePOptions { Recursive = true }, CallContext.Default, token);
        await WaitForWaitersAsync(locks, 1, token);
        var first = ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a/c"), mkdir, CallContext.Default, token);
        await WaitForWaitersAsync(locks, 2, token);
        var second = ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a/d"), mkdir, CallContext.Default, token);
        await WaitForWaitersAsync(locks, 3, token);
        held.Dispose();

        // Both creates locked a path under /a, which the delete then removed: each must lock /a before making it anew.
        await delete;
        await Task.WhenAll(first, second);
        Assert.Equal(["/a/c", "/a/d"], (await ns.ListAsync("/a")).Select(i => i.Path));
        AssertTreeIsConsistent(ns.Master.Context.Tree);
    }

    /// <summary>Waits until <paramref name="count"/> operations queue for a lock: a condition, not a time.</summary>
    private static async Task WaitForWaitersAsync(Locking.PathLockManager locks, int count, CancellationToken cancellationToken)
    {
        while (locks.WaitingCount < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    private static async Task WorkAsync(NamespaceFixture ns, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        string RandomPath() => "/" + string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ => s_names[random.Next(s_names.Length)]));
        for (var i = 0; i < 150; i++)
        {
            var path = AlluxioUri.Parse(RandomPath());
            try
            {
                switch (random.Next(5))
                {
                    case 0:
                    case 1:
                        await ns.Master.CreateDirectoryAsync(path, new CreateDirectoryPOptions { Recursive = true, WriteType = WritePType.CacheThrough }, CallContext.Default, cancellationToken);
                        break;
                    case 2:
                        await ns.Master.CreateFileAsync(path, new CreateFilePOptions { Recursive = true, WriteType = WritePType.CacheThrough }, CallContext.Default, cancellationToken);
                        await ns.Master.CompleteFileAsync(path, new CompleteFilePOptions(), CallContext.Default, cancellationToken);
                        break;
                    case 3:
                        await ns.Master.RenameAsync(path, AlluxioUri.Parse(RandomPath()), CallContext.Default, cancellationToken);
                        break;
                    default:
                        await ns.Master.DeleteAsync(path, new DeletePOptions { Recursive = true }, CallContext.Default, cancellationToken);
                        break;
                }
            }
            catch (AlluxioException e) when (e.ErrorType is ErrorType.FileDoesNotExist or ErrorType.FileAlreadyExists or ErrorType.InvalidPath or ErrorType.FailedPrecondition)
            {
                // Another worker got there first: a refused operation is fine, a broken tree is not.
            }
        }
    }

    private static void AssertTreeIsConsistent(InodeTree tree)
    {
        using (tree.ReadLocked())
        {
            var reachable = 0L;
            var pending = new Stack<InodeDirectory>();
            pending.Push(tree.Root!);
            reachable++;
            while (pending.TryPop(out var directory))
            {
                foreach (var child in tree.Store.GetChildren(directory))
                {
                    reachable++;
                    Assert.Equal(directory.Id, child.ParentId);
                    Assert.Same(child, tree.Store.GetById(child.Id));
                    if (child is InodeDirectory d)
                    {
                        pending.Push(d);
                    }
                }
            }

            Assert.Equal(tree.Store.Count, reachable);
        }
    }

    private static void AssertMatchesUfs(NamespaceFixture ns, string path)
    {
        var tree = ns.Master.Context.Tree;
        List<(string Name, bool IsDirectory)> inAlluxio;
        using (tree.ReadLocked())
        {
            var directory = (InodeDirectory)tree.Resolve(AlluxioUri.Parse(path)).Target!;
            // A file whose writer lost it to a rename or delete before completing stays incomplete and unpersisted,
            // as in Alluxio; only persisted inodes must match the UFS.
            inAlluxio = [.. tree.Store.GetChildren(directory).Where(c => c.IsPersisted).Select(c => (c.Name, c.IsDirectory)).OrderBy(c => c.Name, StringComparer.Ordinal)];
        }

        var folder = ns.UfsPath(path);
        var inUfs = Directory.EnumerateFileSystemEntries(folder)
            .Select(e => (Path.GetFileName(e), Directory.Exists(e)))
            .OrderBy(c => c.Item1, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(inUfs, inAlluxio);
        foreach (var (name, isDirectory) in inAlluxio.Where(c => c.IsDirectory))
        {
            AssertMatchesUfs(ns, path == "/" ? "/" + name : path + "/" + name);
        }
    }
}

using Alluxio.Paths;
using Alluxio.UnderFs.Options;
using static Alluxio.UnderFs.Contract.UfsContractContext;

namespace Alluxio.UnderFs.Contract;

public static partial class UfsContractSuite
{
    private static async Task ListStatusRootAsync(UfsContractContext c)
    {
        await c.WriteTestBytesAsync(c.Path("testFile")).ConfigureAwait(false);
        var root = AlluxioUri.Parse(c.TestDirectory).WithPath("/").ToString();
        var children = await c.ListAsync(root).ConfigureAwait(false);
        Check(children is { Count: > 0 }, $"the listing of the root {root} is null or empty");
    }

    private static async Task ListStatusAsync(UfsContractContext c)
    {
        var folder = c.Path("testDirNonEmpty1");
        await c.Ufs.MkdirsAsync(folder + "/testDirNonEmpty2", cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.WriteTestBytesAsync(folder + "/testDirNonEmptyF").ConfigureAwait(false);
        await c.WriteTestBytesAsync(folder + "/testDirNonEmpty2/testDirNonEmptyChildDirF").ConfigureAwait(false);
        var children = await c.ListAsync(folder).ConfigureAwait(false);
        CheckSameNames(["testDirNonEmpty2", "testDirNonEmptyF"], children?.Select(s => s.Name), "the children");
        foreach (var child in children!)
        {
            var isDirectory = await c.Ufs.IsDirectoryAsync(folder + "/" + child.Name.TrimStart('/'), c.CancellationToken).ConfigureAwait(false);
            CheckEqual(isDirectory, child.IsDirectory, $"whether {child.Name} is a directory");
        }
    }

    private static async Task ListStatusEmptyAsync(UfsContractContext c)
    {
        var folder = c.Path("testDir");
        await c.Ufs.MkdirsAsync(folder, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        var children = await c.ListAsync(folder).ConfigureAwait(false);
        Check(children is { Count: 0 }, "an empty directory does not list as empty");
    }

    private static async Task ListStatusFileAsync(UfsContractContext c)
    {
        var file = c.Path("testFile");
        await c.WriteTestBytesAsync(file).ConfigureAwait(false);
        Check(await c.ListAsync(file).ConfigureAwait(false) is null, "the listing of a file is not null");
    }

    private static async Task ListLargeDirectoryAsync(UfsContractContext c)
    {
        var folder = c.Path("listLargeDirectory");
        var names = await c.PrepareLargeDirectoryAsync(folder).ConfigureAwait(false);
        var children = await c.ListAsync(folder).ConfigureAwait(false);
        CheckSameNames(names, children?.Select(s => s.Name), "the 200 children");
    }

    private static async Task ListStatusRecursiveAsync(UfsContractContext c)
    {
        var root = c.Path("listStatusRecursive");
        await c.Ufs.MkdirsAsync(root, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        var empty = await c.ListAsync(root, ListOptions.Recursive).ConfigureAwait(false);
        Check(empty is { Count: 0 }, "an empty directory does not list recursively as empty");
        Check(await c.ListAsync(root + "/missing", ListOptions.Recursive).ConfigureAwait(false) is null, "a missing path lists as non-null");

        await c.Ufs.MkdirsAsync(root + "/sub1/sub11", cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.Ufs.MkdirsAsync(root + "/sub2", cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.WriteTestBytesAsync(root + "/sub1/sub11/file11").ConfigureAwait(false);
        await c.WriteTestBytesAsync(root + "/sub2/file2").ConfigureAwait(false);
        await c.WriteTestBytesAsync(root + "/file").ConfigureAwait(false);

        var all = await c.ListAsync(root, ListOptions.Recursive).ConfigureAwait(false);
        CheckSameNames(["sub1", "sub2", "sub1/sub11", "sub1/sub11/file11", "sub2/file2", "file"], all?.Select(s => s.Name), "the recursive listing");
        foreach (var from in new[] { root + "/sub1", root + "/sub1/" })
        {
            var below = await c.ListAsync(from, ListOptions.Recursive).ConfigureAwait(false);
            CheckSameNames(["sub11", "sub11/file11"], below?.Select(s => s.Name), $"the recursive listing of {from}");
        }

        Check(await c.ListAsync(root + "/file", ListOptions.Recursive).ConfigureAwait(false) is null, "a recursive listing of a file is not null");
    }

    private static async Task MkdirsAsync(UfsContractContext c)
    {
        var single = c.Path("testDirTop");
        var deep = c.Path("testDir1/testDir2/testDir3/testDir4");
        Check(await c.Ufs.MkdirsAsync(single, new MkdirsOptions { CreateParent = false }, c.CancellationToken).ConfigureAwait(false), "mkdirs without parents answered false");
        Check(await c.Ufs.IsDirectoryAsync(single, c.CancellationToken).ConfigureAwait(false), "the made directory is not a directory");
        Check(await c.Ufs.MkdirsAsync(deep, new MkdirsOptions { CreateParent = true }, c.CancellationToken).ConfigureAwait(false), "mkdirs of four levels answered false");
        Check(await c.Ufs.IsDirectoryAsync(deep, c.CancellationToken).ConfigureAwait(false), "the deep directory is not a directory");
        Check(await c.Ufs.IsDirectoryAsync(c.Path("testDir1/testDir2"), c.CancellationToken).ConfigureAwait(false), "a made parent is not a directory");
    }
}

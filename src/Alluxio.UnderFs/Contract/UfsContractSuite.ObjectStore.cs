using Alluxio.UnderFs.Options;
using static Alluxio.UnderFs.Contract.UfsContractContext;

namespace Alluxio.UnderFs.Contract;

public static partial class UfsContractSuite
{
    private static readonly string[] s_baseFiles = ["sample1.jpg", "sample2.jpg", "sample3.jpg"];
    private static readonly string[] s_baseFolders = ["a", "b", "c"];

    private static async Task ObjectCommonPrefixesIsDirectoryAsync(UfsContractContext c)
    {
        var baseFolder = c.Path("base");
        await c.PrepareObjectStoreAsync(baseFolder).ConfigureAwait(false);
        foreach (var folder in new[] { "", "/a", "/b", "/c" })
        {
            Check(await c.Ufs.IsDirectoryAsync(baseFolder + folder, c.CancellationToken).ConfigureAwait(false), $"the implied directory base{folder} is not a directory");
        }
    }

    private static async Task ObjectCommonPrefixesListStatusNonRecursiveAsync(UfsContractContext c)
    {
        var baseFolder = c.Path("base");
        await c.PrepareObjectStoreAsync(baseFolder).ConfigureAwait(false);
        var children = await c.ListAsync(baseFolder).ConfigureAwait(false);
        CheckSameNames([.. s_baseFiles, .. s_baseFolders], children?.Select(s => s.Name), "the children of base");
        foreach (var child in children!)
        {
            CheckEqual(child.Name.Length == 1, child.IsDirectory, $"whether {child.Name} is a directory");
        }
    }

    private static async Task ObjectCommonPrefixesListStatusRecursiveAsync(UfsContractContext c)
    {
        var baseFolder = c.Path("base");
        await c.PrepareObjectStoreAsync(baseFolder).ConfigureAwait(false);
        var all = await c.ListAsync(baseFolder, ListOptions.Recursive).ConfigureAwait(false);
        var expected = s_baseFiles
            .Concat(s_baseFolders)
            .Concat(s_baseFolders.SelectMany(d => s_baseFiles.Select(f => d + "/" + f)))
            .ToList();
        CheckSameNames(expected, all?.Select(s => s.Name), "the recursive listing of base");
        foreach (var entry in all!)
        {
            CheckEqual(entry.Name.Length == 1, entry.IsDirectory, $"whether {entry.Name} is a directory");
        }
    }

    private static async Task ObjectNestedDirsListStatusRecursiveAsync(UfsContractContext c)
    {
        var root = c.Path("nested");
        await c.WriteTestBytesAsync(root + "/dir0/dir1/dir2/dir3/dir4/file.txt").ConfigureAwait(false);
        var all = await c.ListAsync(root, ListOptions.Recursive).ConfigureAwait(false);
        CheckSameNames(
            ["dir0", "dir0/dir1", "dir0/dir1/dir2", "dir0/dir1/dir2/dir3", "dir0/dir1/dir2/dir3/dir4", "dir0/dir1/dir2/dir3/dir4/file.txt"],
            all?.Select(s => s.Name),
            "the nested listing");
    }
}

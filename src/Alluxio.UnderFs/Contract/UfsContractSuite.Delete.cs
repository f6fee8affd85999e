using Alluxio.UnderFs.Options;
using static Alluxio.UnderFs.Contract.UfsContractContext;

namespace Alluxio.UnderFs.Contract;

public static partial class UfsContractSuite
{
    private static async Task DeleteFileAsync(UfsContractContext c)
    {
        var path = c.Path("deleteFile");
        await c.WriteTestBytesAsync(path).ConfigureAwait(false);
        Check(await c.Ufs.DeleteFileAsync(path, c.CancellationToken).ConfigureAwait(false), "deleteFile answered false");
        Check(!await c.Ufs.ExistsAsync(path, c.CancellationToken).ConfigureAwait(false), "the file still exists");
        Check(!await c.Ufs.IsFileAsync(path, c.CancellationToken).ConfigureAwait(false), "the file is still a file");
    }

    private static async Task DeleteDirAsync(UfsContractContext c)
    {
        var empty = c.Path("deleteDirEmpty");
        var full = c.Path("deleteDirNonEmpty");
        var child = full + "/deleteDirNonEmpty2";
        var file = full + "/deleteDirNonEmptyF";
        var grandchild = child + "/deleteDirNonEmptyF";
        await c.Ufs.MkdirsAsync(empty, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.Ufs.MkdirsAsync(child, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.WriteTestBytesAsync(file).ConfigureAwait(false);
        await c.WriteTestBytesAsync(grandchild).ConfigureAwait(false);

        Check(await c.Ufs.DeleteDirectoryAsync(empty, DeleteOptions.Default, c.CancellationToken).ConfigureAwait(false), "deleting an empty directory answered false");
        Check(!await c.Ufs.IsDirectoryAsync(empty, c.CancellationToken).ConfigureAwait(false), "the empty directory survived");
        Check(!await c.Ufs.DeleteDirectoryAsync(full, DeleteOptions.Default, c.CancellationToken).ConfigureAwait(false), "a non-recursive delete of a non-empty directory answered true");
        Check(await c.Ufs.IsDirectoryAsync(full, c.CancellationToken).ConfigureAwait(false), "a non-empty directory did not survive a non-recursive delete");
        Check(await c.Ufs.DeleteDirectoryAsync(full, DeleteOptions.Recursive, c.CancellationToken).ConfigureAwait(false), "a recursive delete answered false");
        foreach (var path in new[] { full, child, file, grandchild })
        {
            Check(!await c.Ufs.ExistsAsync(path, c.CancellationToken).ConfigureAwait(false), $"{path} survived a recursive delete");
        }
    }

    private static async Task DeleteLargeDirectoryAsync(UfsContractContext c)
    {
        var folder = c.Path("deleteLargeDirectory");
        var names = await c.PrepareLargeDirectoryAsync(folder).ConfigureAwait(false);
        Check(await c.Ufs.DeleteDirectoryAsync(folder, DeleteOptions.Recursive, c.CancellationToken).ConfigureAwait(false), "the recursive delete answered false");
        foreach (var name in names)
        {
            Check(!await c.Ufs.ExistsAsync(folder + "/" + name, c.CancellationToken).ConfigureAwait(false), $"{name} survived");
        }

        Check(!await c.Ufs.ExistsAsync(folder, c.CancellationToken).ConfigureAwait(false), "the folder survived");
    }

    private static async Task CreateDeleteFileConjunctionAsync(UfsContractContext c)
    {
        var path = c.Path("createDeleteFileConjuction");
        await c.WriteTestBytesAsync(path).ConfigureAwait(false);
        Check(await c.Ufs.ExistsAsync(path, c.CancellationToken).ConfigureAwait(false), "the file does not exist after create");
        Check(await c.Ufs.DeleteFileAsync(path, c.CancellationToken).ConfigureAwait(false), "deleteExistingFile answered false");
        Check(!await c.Ufs.ExistsAsync(path, c.CancellationToken).ConfigureAwait(false), "the file exists after delete");
        var stream = await c.Ufs.CreateAsync(path, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(TestBytes, c.CancellationToken).ConfigureAwait(false);
        }

        Check(await c.Ufs.ExistsAsync(path, c.CancellationToken).ConfigureAwait(false), "the file does not exist after createNonexistingFile");
    }

    private static async Task CreateThenDeleteExistingDirectoryAsync(UfsContractContext c)
    {
        var folder = c.Path("createThenDeleteExistingDirectory");
        await c.PrepareLargeDirectoryAsync(folder).ConfigureAwait(false);
        Check(await c.Ufs.DeleteDirectoryAsync(folder, DeleteOptions.Recursive, c.CancellationToken).ConfigureAwait(false), "deleteExistingDirectory answered false");
    }
}

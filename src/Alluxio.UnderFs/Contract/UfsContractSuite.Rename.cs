using static Alluxio.UnderFs.Contract.UfsContractContext;

namespace Alluxio.UnderFs.Contract;

public static partial class UfsContractSuite
{
    private static async Task RenameFileAsync(UfsContractContext c)
    {
        var source = c.Path("renameFileSrc");
        var destination = c.Path("renameFileDst");
        await c.WriteTestBytesAsync(source).ConfigureAwait(false);
        Check(await c.Ufs.RenameFileAsync(source, destination, c.CancellationToken).ConfigureAwait(false), "renameFile answered false");
        Check(!await c.Ufs.ExistsAsync(source, c.CancellationToken).ConfigureAwait(false), "the source still exists");
        Check(await c.Ufs.IsFileAsync(destination, c.CancellationToken).ConfigureAwait(false), "the destination is not a file");
    }

    private static async Task RenameRenamableFileAsync(UfsContractContext c)
    {
        var source = c.Path("renameRenamableFileSrc");
        var destination = c.Path("renameRenamableFileDst");
        await c.WriteMultiBlockAsync(source).ConfigureAwait(false);
        Check(await c.Ufs.RenameFileAsync(source, destination, c.CancellationToken).ConfigureAwait(false), "renameRenamableFile answered false");
        Check(!await c.Ufs.ExistsAsync(source, c.CancellationToken).ConfigureAwait(false), "the source still exists");
        Check((await c.ReadFileAsync(destination).ConfigureAwait(false)).AsSpan().SequenceEqual(MultiBlockBytes.Span), "the renamed content differs");
    }

    private static async Task RenameDirectoryAsync(UfsContractContext c)
    {
        var source = c.Path("renameDirectorySrc");
        var destination = c.Path("renameDirectoryDst");
        await c.Ufs.MkdirsAsync(source, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.WriteTestBytesAsync(source + "/file").ConfigureAwait(false);
        Check(await c.Ufs.RenameDirectoryAsync(source, destination, c.CancellationToken).ConfigureAwait(false), "renameDirectory answered false");
        await CheckMovedAsync(c, source, destination, ["file"]).ConfigureAwait(false);
    }

    private static async Task RenameDirectoryDeepAsync(UfsContractContext c)
    {
        var source = c.Path("renameDirectoryDeepSrc");
        var destination = c.Path("renameDirectoryDeepDst");
        await c.Ufs.MkdirsAsync(source + "/sub", cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.WriteTestBytesAsync(source + "/file").ConfigureAwait(false);
        await c.WriteTestBytesAsync(source + "/sub/file").ConfigureAwait(false);
        Check(await c.Ufs.RenameDirectoryAsync(source, destination, c.CancellationToken).ConfigureAwait(false), "renameDirectory answered false");
        await CheckMovedAsync(c, source, destination, ["file", "sub", "sub/file"]).ConfigureAwait(false);
    }

    private static async Task RenameRenamableDirectoryAsync(UfsContractContext c)
    {
        var source = c.Path("renameRenamableDirectorySrc");
        var destination = c.Path("renameRenamableDirectoryDst");
        await c.Ufs.MkdirsAsync(source + "/sub", cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await c.WriteMultiBlockAsync(source + "/file").ConfigureAwait(false);
        await c.WriteMultiBlockAsync(source + "/sub/file").ConfigureAwait(false);
        Check(await c.Ufs.RenameDirectoryAsync(source, destination, c.CancellationToken).ConfigureAwait(false), "renameRenamableDirectory answered false");
        await CheckMovedAsync(c, source, destination, ["file", "sub", "sub/file"]).ConfigureAwait(false);
        Check((await c.ReadFileAsync(destination + "/sub/file").ConfigureAwait(false)).AsSpan().SequenceEqual(MultiBlockBytes.Span), "the renamed content differs");
    }

    private static async Task RenameLargeDirectoryAsync(UfsContractContext c)
    {
        var source = c.Path("renameLargeDirectorySrc");
        var destination = c.Path("renameLargeDirectoryDst");
        var names = await c.PrepareLargeDirectoryAsync(source).ConfigureAwait(false);
        Check(await c.Ufs.RenameDirectoryAsync(source, destination, c.CancellationToken).ConfigureAwait(false), "renameDirectory answered false");
        foreach (var name in names)
        {
            Check(!await c.Ufs.ExistsAsync(source + "/" + name, c.CancellationToken).ConfigureAwait(false), $"the source child {name} still exists");
        }

        var moved = await c.ListAsync(destination).ConfigureAwait(false);
        CheckSameNames(names, moved?.Select(s => s.Name), "the renamed children");
    }

    private static async Task CheckMovedAsync(UfsContractContext c, string source, string destination, IReadOnlyList<string> children)
    {
        Check(!await c.Ufs.ExistsAsync(source, c.CancellationToken).ConfigureAwait(false), "the source directory still exists");
        Check(await c.Ufs.IsDirectoryAsync(destination, c.CancellationToken).ConfigureAwait(false), "the destination is not a directory");
        foreach (var child in children)
        {
            Check(!await c.Ufs.ExistsAsync(source + "/" + child, c.CancellationToken).ConfigureAwait(false), $"the source child {child} still exists");
            Check(await c.Ufs.ExistsAsync(destination + "/" + child, c.CancellationToken).ConfigureAwait(false), $"the destination child {child} is missing");
        }
    }
}

using static Alluxio.UnderFs.Contract.UfsContractContext;

namespace Alluxio.UnderFs.Contract;

public static partial class UfsContractSuite
{
    private static async Task ExistsAsync(UfsContractContext c)
    {
        var file = c.Path("testFile");
        var directory = c.Path("testDir");
        Check(!await c.Ufs.IsFileAsync(file, c.CancellationToken).ConfigureAwait(false), "a missing file is a file");
        await c.WriteTestBytesAsync(file).ConfigureAwait(false);
        Check(await c.Ufs.IsFileAsync(file, c.CancellationToken).ConfigureAwait(false), "a created file is not a file");
        Check(!await c.Ufs.IsDirectoryAsync(directory, c.CancellationToken).ConfigureAwait(false), "a missing directory is a directory");
        await c.Ufs.MkdirsAsync(directory, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        Check(await c.Ufs.IsDirectoryAsync(directory, c.CancellationToken).ConfigureAwait(false), "a made directory is not a directory");
    }

    private static async Task GetDirectoryStatusAsync(UfsContractContext c)
    {
        var directory = c.Path("testDir");
        await c.Ufs.MkdirsAsync(directory, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        Check(await c.Ufs.GetStatusAsync(directory, c.CancellationToken).ConfigureAwait(false) is UfsDirectoryStatus, "the status of a directory is not a directory status");
    }

    private static async Task CreateThenGetExistingDirectoryStatusAsync(UfsContractContext c)
    {
        var directory = c.Path("testDir");
        await c.Ufs.MkdirsAsync(directory, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        Check(await c.Ufs.GetStatusAsync(directory, c.CancellationToken).ConfigureAwait(false) is UfsDirectoryStatus, "the existing status of a directory is not a directory status");
        await c.Ufs.GetDirectoryStatusAsync(directory, c.CancellationToken).ConfigureAwait(false);
    }

    private static async Task GetFileSizeAsync(UfsContractContext c)
    {
        var empty = c.Path("testFileEmpty");
        var nonEmpty = c.Path("testFileNonEmpty");
        await c.WriteAsync(empty, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
        await c.WriteTestBytesAsync(nonEmpty).ConfigureAwait(false);
        CheckEqual(0L, (await c.Ufs.GetFileStatusAsync(empty, c.CancellationToken).ConfigureAwait(false)).ContentLength, "the length of an empty file");
        CheckEqual((long)TestBytes.Length, (await c.Ufs.GetFileStatusAsync(nonEmpty, c.CancellationToken).ConfigureAwait(false)).ContentLength, "the length of TestBytes");
    }

    private static async Task CreateThenGetExistingFileStatusAsync(UfsContractContext c)
    {
        var small = c.Path("testFileSmall");
        var large = c.Path("testFileLarge");
        await c.WriteTestBytesAsync(small).ConfigureAwait(false);
        await c.WriteMultiBlockAsync(large).ConfigureAwait(false);
        CheckEqual((long)TestBytes.Length, (await c.Ufs.GetFileStatusAsync(small, c.CancellationToken).ConfigureAwait(false)).ContentLength, "the length of TestBytes");
        CheckEqual((long)MultiBlockBytes.Length, (await c.Ufs.GetFileStatusAsync(large, c.CancellationToken).ConfigureAwait(false)).ContentLength, "the length of the multi-block file");
    }

    private static async Task GetFileStatusAsync(UfsContractContext c)
    {
        var file = c.Path("testFile");
        await c.WriteTestBytesAsync(file).ConfigureAwait(false);
        Check(await c.Ufs.GetStatusAsync(file, c.CancellationToken).ConfigureAwait(false) is UfsFileStatus, "the status of a file is not a file status");
    }

    private static async Task CreateThenGetExistingStatusAsync(UfsContractContext c)
    {
        var file = c.Path("testFile");
        await c.WriteTestBytesAsync(file).ConfigureAwait(false);
        Check(await c.Ufs.GetStatusAsync(file, c.CancellationToken).ConfigureAwait(false) is UfsFileStatus, "the existing status of a file is not a file status");
    }

    private static async Task GetModTimeAsync(UfsContractContext c)
    {
        var file = c.Path("testFile");
        var start = DateTimeOffset.UtcNow;
        await c.WriteTestBytesAsync(file).ConfigureAwait(false);
        var end = DateTimeOffset.UtcNow;
        var modified = (await c.Ufs.GetFileStatusAsync(file, c.CancellationToken).ConfigureAwait(false)).LastModified;
        Check(modified is { } m && m >= start.AddSeconds(-5) && m <= end.AddSeconds(5), $"the modification time {modified:O} is not within 5 s of the write ({start:O} to {end:O})");
    }

    private static Task GetNonExistingDirectoryStatusAsync(UfsContractContext c) =>
        CheckNotFoundAsync(c, () => c.Ufs.GetDirectoryStatusAsync(c.Path("nonExistingDir"), c.CancellationToken), "getDirectoryStatus of a missing directory");

    private static Task GetNonExistingFileStatusAsync(UfsContractContext c) =>
        CheckNotFoundAsync(c, () => c.Ufs.GetFileStatusAsync(c.Path("nonExistingFile"), c.CancellationToken), "getFileStatus of a missing file");

    private static Task GetNonExistingPathStatusAsync(UfsContractContext c) =>
        CheckNotFoundAsync(c, () => c.Ufs.GetStatusAsync(c.Path("nonExistingPath"), c.CancellationToken), "getStatus of a missing path");

    private static async Task IsFileAsync(UfsContractContext c)
    {
        var file = c.Path("testFile");
        var directory = c.Path("testDir");
        Check(!await c.Ufs.IsFileAsync(file, c.CancellationToken).ConfigureAwait(false), "a missing path is a file");
        await c.WriteTestBytesAsync(file).ConfigureAwait(false);
        await c.Ufs.MkdirsAsync(directory, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        Check(await c.Ufs.IsFileAsync(file, c.CancellationToken).ConfigureAwait(false), "a file is not a file");
        Check(!await c.Ufs.IsFileAsync(directory, c.CancellationToken).ConfigureAwait(false), "a directory is a file");
    }
}

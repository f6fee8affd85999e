using Alluxio.UnderFs.Options;
using static Alluxio.UnderFs.Contract.UfsContractContext;

namespace Alluxio.UnderFs.Contract;

public static partial class UfsContractSuite
{
    private static readonly long[] s_positions = [0, 256, 511, 512, 513, 768, 1024, 1025];

    private static async Task CreateAtomicAsync(UfsContractContext c)
    {
        var path = c.Path("createAtomic");
        var stream = await c.Ufs.CreateAsync(path, new CreateOptions { EnsureAtomic = true }, c.CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(TestBytes, c.CancellationToken).ConfigureAwait(false);
            Check(!await c.Ufs.IsFileAsync(path, c.CancellationToken).ConfigureAwait(false), "the file is visible before its stream is closed");
        }

        Check(await c.Ufs.IsFileAsync(path, c.CancellationToken).ConfigureAwait(false), "the file is missing after its stream is closed");
    }

    private static async Task CreateEmptyAsync(UfsContractContext c)
    {
        var path = c.Path("createEmpty");
        await c.WriteAsync(path, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
        Check(await c.Ufs.IsFileAsync(path, c.CancellationToken).ConfigureAwait(false), "an empty file is not a file");
    }

    private static Task CreateNoParentAsync(UfsContractContext c) =>
        CheckThrowsAsync<Exception>(
            () => c.WriteAsync(c.Path("noParent/testFile"), TestBytes, new CreateOptions { CreateParent = false }),
            "create without its parent");

    private static async Task CreateParentAsync(UfsContractContext c)
    {
        var path = c.Path("createParent/testFile");
        await c.WriteAsync(path, TestBytes, new CreateOptions { CreateParent = true }).ConfigureAwait(false);
        Check(await c.Ufs.ExistsAsync(path, c.CancellationToken).ConfigureAwait(false), "the file created with its parent does not exist");
    }

    private static async Task CreateOpenAsync(UfsContractContext c)
    {
        var path = c.Path("createOpen");
        await c.WriteTestBytesAsync(path).ConfigureAwait(false);
        Check((await c.ReadFileAsync(path).ConfigureAwait(false)).AsSpan().SequenceEqual(TestBytes.Span), "the bytes read back differ");
    }

    private static async Task CreateOpenEmptyAsync(UfsContractContext c)
    {
        var path = c.Path("createOpenEmpty");
        await c.WriteAsync(path, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
        var stream = await c.Ufs.OpenAsync(path, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            CheckEqual(0, await stream.ReadAsync(Memory<byte>.Empty, c.CancellationToken).ConfigureAwait(false), "a zero-byte read");
            CheckEqual(0, await stream.ReadAsync(new byte[16], c.CancellationToken).ConfigureAwait(false), "a read of an empty file");
        }
    }

    private static async Task CreateOpenAtPositionAsync(UfsContractContext c)
    {
        var path = c.Path("createOpenAtPosition");
        await c.WriteMultiBlockAsync(path).ConfigureAwait(false);
        foreach (var position in s_positions)
        {
            var stream = await c.Ufs.OpenAsync(path, new OpenOptions { Offset = position }, c.CancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var one = new byte[1];
                CheckEqual(1, await stream.ReadAsync(one, c.CancellationToken).ConfigureAwait(false), $"a read at {position}");
                CheckEqual(MultiBlockBytes.Span[(int)position], one[0], $"the byte at {position}");
            }
        }
    }

    private static Task CreateOpenLargeAsync(UfsContractContext c) => CreateOpenLargeAsync(c, existing: false);

    private static Task CreateOpenExistingLargeFileAsync(UfsContractContext c) => CreateOpenLargeAsync(c, existing: true);

    private static async Task CreateOpenLargeAsync(UfsContractContext c, bool existing)
    {
        var path = c.Path("createOpenLarge");
        await c.WriteMultiBlockAsync(path).ConfigureAwait(false);
        var read = await c.ReadFileAsync(path, existing: existing).ConfigureAwait(false);
        Check(read.AsSpan().SequenceEqual(MultiBlockBytes.Span), $"read {read.Length} bytes that differ from the {MultiBlockBytes.Length} written");
    }

    /// <summary>Skipping ahead in an open stream (seek where supported, else read and drop) lands on the right byte.</summary>
    private static async Task CreateOpenSkipAsync(UfsContractContext c)
    {
        var path = c.Path("createOpenSkip");
        await c.WriteMultiBlockAsync(path).ConfigureAwait(false);
        const int Skip = 700;
        var stream = await c.Ufs.OpenAsync(path, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.CanSeek)
            {
                stream.Seek(Skip, SeekOrigin.Current);
            }
            else
            {
                var discard = new byte[Skip];
                await stream.ReadExactlyAsync(discard, c.CancellationToken).ConfigureAwait(false);
            }

            var rest = await c.ReadAllAsync(stream).ConfigureAwait(false);
            Check(rest.AsSpan().SequenceEqual(MultiBlockBytes.Span[Skip..]), "the bytes after the skip differ");
        }
    }

    /// <summary>A file of exactly three blocks reads to its end and then answers 0, never an error.</summary>
    private static async Task CreateOpenEofAsync(UfsContractContext c)
    {
        var path = c.Path("createOpenEof");
        var content = new byte[3 * BlockSize];
        Random.Shared.NextBytes(content);
        await c.WriteAsync(path, content).ConfigureAwait(false);
        var stream = await c.Ufs.OpenAsync(path, cancellationToken: c.CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = await c.ReadAllAsync(stream).ConfigureAwait(false);
            Check(read.AsSpan().SequenceEqual(content), "the bytes read differ");
            CheckEqual(0, await stream.ReadAsync(new byte[10], c.CancellationToken).ConfigureAwait(false), "a read after the end");
        }
    }

    /// <summary>Opening at or past the end is a stream that is already at its end.</summary>
    private static async Task CreateOpenPastEofAsync(UfsContractContext c)
    {
        var path = c.Path("createOpenPastEof");
        await c.WriteTestBytesAsync(path).ConfigureAwait(false);
        foreach (var offset in new long[] { TestBytes.Length, TestBytes.Length + 1, 10_000 })
        {
            var read = await c.ReadFileAsync(path, offset).ConfigureAwait(false);
            CheckEqual(0, read.Length, $"bytes read from offset {offset} of a {TestBytes.Length}-byte file");
        }
    }
}

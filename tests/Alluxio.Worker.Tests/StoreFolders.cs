using Alluxio.Testing;
using Alluxio.Worker.BlockStore;

namespace Alluxio.Worker.Tests;

/// <summary>Block folders under one temp folder and the store options that describe them.</summary>
internal sealed class StoreFolders : IDisposable
{
    private readonly TempDirectory _root = new();

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public LogCapture Logs { get; } = new();

    /// <summary>One tier per entry, one folder per quota, named <c>tier{n}-dir{m}</c>.</summary>
    public TieredStoreOptions Options(params long[][] quotasPerTier) =>
        new([
            .. quotasPerTier.Select((quotas, ordinal) => new StorageTierOptions(
                ordinal,
                ordinal switch { 0 => "MEM", 1 => "SSD", _ => "HDD" },
                [
                    .. quotas.Select((quota, i) =>
                    {
                        var path = Path.Combine(_root.Path, $"tier{ordinal}-dir{i}");
                        return new StorageDirOptions(path, "MEM", quota, Path.Combine(path, "alluxioworker"));
                    }),
                ])),
        ]);

    public Task<TieredBlockStore> OpenAsync(TieredStoreOptions options) =>
        TieredBlockStore.OpenAsync(options, Logs.Factory, Token);

    public static byte[] Content(long blockId, int length) =>
        [.. Enumerable.Range(0, length).Select(i => (byte)(blockId * 31 + i))];

    /// <summary>Writes and commits a block of <paramref name="length"/> bytes, reserving exactly that much.</summary>
    public static async Task<BlockInfo> WriteBlockAsync(TieredBlockStore store, long blockId, int length, long sessionId = 1)
    {
        var temp = await store.CreateTempBlockAsync(sessionId, blockId, length, Token);
        await File.WriteAllBytesAsync(temp.Path, Content(blockId, length), Token);
        return await store.CommitBlockAsync(sessionId, blockId, Token);
    }

    public void Dispose()
    {
        Logs.Dispose();
        _root.Dispose();
    }
}

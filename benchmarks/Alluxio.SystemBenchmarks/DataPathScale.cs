using System.Globalization;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// How big the data-path scenarios run: a 1 GiB file in 64 MB blocks, each figure the best of three; or, quick, a
/// 64 MB file in four blocks read once, which exercises the same paths (block changes included) in a smoke run.
/// </summary>
internal sealed record DataPathScale(long FileBytes, long BlockBytes, int Repeats)
{
    /// <summary>The buffer every reader and writer uses, on both sides of each comparison.</summary>
    public const int BufferBytes = 1 << 20;

    public static DataPathScale For(bool quick) => quick ? new(64L << 20, 16L << 20, 1) : new(1L << 30, 64L << 20, 3);

    public long Blocks => (FileBytes + BlockBytes - 1) / BlockBytes;

    /// <summary>
    /// A worker quota with room for <paramref name="files"/> files of this size and a quarter more, plus a block for a
    /// warm-up file, so that nothing is evicted while the scenario runs.
    /// </summary>
    public string QuotaFor(int files) => string.Create(CultureInfo.InvariantCulture, $"{((files * FileBytes * 5 / 4) + BlockBytes) >> 20}MB");

    /// <summary>"1,024 MiB in 16 blocks of 64 MiB".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{FileBytes >> 20:N0} MiB in {Blocks} blocks of {BlockBytes >> 20} MiB");
}

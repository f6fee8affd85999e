using System.Globalization;

namespace Alluxio.Fuse;

/// <summary>
/// The mount options of alluxio.fuse.mount.options and <c>-o</c>, split into the ones this mount acts on (cache
/// timeouts, direct_io, kernel_cache, threads) and the ones passed to libfuse and the kernel (allow_other, ro, …).
/// Options later in the list win. Options that only libfuse 2 or Alluxio's high-level libfuse binding knew
/// (big_writes, max_idle_threads, auto_cache, max_read) are accepted and have nothing to do here.
/// </summary>
public sealed record FuseMountOptions
{
    private static readonly HashSet<string> s_accepted = new(StringComparer.Ordinal) { "big_writes", "max_idle_threads", "auto_cache", "max_read" };

    /// <summary>How long the kernel keeps a name of a complete file or a directory (entry_timeout, seconds).</summary>
    public TimeSpan EntryTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the kernel keeps attributes of a complete file or a directory (attr_timeout, seconds).</summary>
    public TimeSpan AttributeTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the kernel remembers that a name does not exist (negative_timeout, seconds); 0 asks every time.</summary>
    public TimeSpan NegativeTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Every open bypasses the page cache (direct_io).</summary>
    public bool DirectIo { get; init; }

    /// <summary>Keep the page cache on every open, even when the file changed (kernel_cache).</summary>
    public bool KernelCache { get; init; }

    /// <summary>
    /// Reads of cached blocks are spliced from the block files into the replies (splice_write, the default);
    /// no_splice_write copies them through a buffer instead.
    /// </summary>
    public bool SpliceWrite { get; init; } = true;

    /// <summary>libfuse threads reading requests (max_threads); replies come from wherever the work ends.</summary>
    public int MaxThreads { get; init; } = 4;

    /// <summary>The read-ahead asked of the kernel, bytes (max_readahead); also written to the bdi's read_ahead_kb.</summary>
    public int MaxReadahead { get; init; } = 1 << 20;

    /// <summary>Options for libfuse and the kernel, as given (allow_other, ro, fsname=…).</summary>
    public IReadOnlyList<string> PassThrough { get; init; } = [];

    /// <summary>Parses comma-separated option lists in order.</summary>
    /// <exception cref="FormatException">A value is malformed; the message names the option.</exception>
    public static FuseMountOptions Parse(params IEnumerable<string?> optionLists)
    {
        var options = new FuseMountOptions();
        var passThrough = new List<string>();
        foreach (var list in optionLists)
        {
            foreach (var option in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = option.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? option : option[..equals];
                var value = equals < 0 ? null : option[(equals + 1)..];
                options = name switch
                {
                    "attr_timeout" => options with { AttributeTimeout = Seconds(name, value) },
                    "entry_timeout" => options with { EntryTimeout = Seconds(name, value) },
                    "negative_timeout" => options with { NegativeTimeout = Seconds(name, value) },
                    "direct_io" => options with { DirectIo = true },
                    "kernel_cache" => options with { KernelCache = true },
                    "splice_write" => options with { SpliceWrite = true },
                    "no_splice_write" => options with { SpliceWrite = false },
                    "max_threads" => options with { MaxThreads = Count(name, value, 1, 256) },
                    "max_readahead" => options with { MaxReadahead = Count(name, value, 0, 64 << 20) },
                    _ when s_accepted.Contains(name) => options,
                    _ => Keep(options, passThrough, option),
                };
            }
        }

        return options with { PassThrough = passThrough };
    }

    private static FuseMountOptions Keep(FuseMountOptions options, List<string> passThrough, string option)
    {
        passThrough.Add(option);
        return options;
    }

    private static TimeSpan Seconds(string name, string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 1e7
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"The mount option {name} takes a number of seconds (e.g. {name}=60), not '{value}'.");

    private static int Count(string name, string? value, int minimum, int maximum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= minimum && count <= maximum
            ? count
            : throw new FormatException($"The mount option {name} takes a whole number from {minimum} to {maximum}, not '{value}'.");
}

using System.CommandLine;
using System.Globalization;
using Alluxio.Cli.Commands.Fs.Data;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>
/// What copyFromLocal, copyToLocal and cp share: the buffer size and thread count options, one reporter and one
/// copier for the run, and the three directions of copy.
/// </summary>
internal sealed class CopySession : IDisposable
{
    /// <summary>Alluxio reads into a bigger buffer when copying to this machine: 64MB.</summary>
    public const int ToLocalBufferSize = 64 << 20;

    private readonly FsContext _context;
    private readonly CopyReporter _reporter;
    private readonly FileCopier _copier;

    public CopySession(FsContext context, int bufferSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _reporter = new CopyReporter(context.Out, context.OutputIsTerminal);
        _copier = new FileCopier(context.FileSystem, bufferSize, _reporter);
    }

    /// <summary>Adds --buffersize.</summary>
    public static Option<string?> BufferSizeOption(Command command) =>
        command.Value("--buffersize", "Read buffer size in bytes, default is 8MB when copying from local and 64MB when copying to local");

    /// <summary>Adds --thread.</summary>
    public static Option<string?> ThreadsOption(Command command) =>
        command.Value("--thread", "Number of threads used to copy files in parallel, default value is CPU cores * 2");

    /// <summary>--buffersize as given, else <paramref name="fallback"/>.</summary>
    public static int BufferSize(ParseResult parseResult, Option<string?> option, int fallback) =>
        ByteCountOption.Parse(parseResult.GetValue(option), fallback, "--buffersize");

    /// <summary>--thread as given, else twice the processor count.</summary>
    /// <exception cref="FsUsageException">The value is not a positive number.</exception>
    public static int Threads(ParseResult parseResult, Option<string?> option)
    {
        var value = parseResult.GetValue(option);
        if (value is null)
        {
            return Environment.ProcessorCount * 2;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var threads) && threads > 0
            ? threads
            : throw new FsUsageException($"--thread takes a number of threads (1 or more), not {value}");
    }

    public Task FromLocalAsync(string source, string destination, int threads, CancellationToken cancellationToken) =>
        new LocalToAlluxioCopy(_context.FileSystem, _copier, _reporter, threads).RunAsync(source, destination, cancellationToken);

    public Task ToLocalAsync(string source, string destination, CancellationToken cancellationToken) =>
        new AlluxioToLocalCopy(_context.FileSystem, _copier, _reporter).RunAsync(source, destination, cancellationToken);

    public Task WithinAlluxioAsync(string source, string destination, bool recursive, CancellationToken cancellationToken) =>
        new AlluxioCopy(_context.FileSystem, _copier, _reporter).RunAsync(source, destination, recursive, cancellationToken);

    public void Dispose() => _reporter.Dispose();
}

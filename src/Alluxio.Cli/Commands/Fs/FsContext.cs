using Alluxio.Client;
using Alluxio.Configuration;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// What every fs verb gets: the CLI's configuration and writers, the file system (made on first use, so a usage
/// error never connects), and the time zone dates print in.
/// </summary>
internal sealed class FsContext(CliContext cli, Func<AlluxioConfiguration, FileSystem> connect) : IDisposable
{
    private FileSystem? _fileSystem;

    public AlluxioConfiguration Configuration => cli.Configuration;

    public TextWriter Out => cli.Out;

    public TextWriter Error => cli.Error;

    /// <summary>The zone ls and stat print dates in; the machine's, as Alluxio's shell does.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>Whether standard output is a terminal, where a progress bar may be drawn.</summary>
    public bool OutputIsTerminal { get; init; } = ReferenceEquals(cli.Out, Console.Out) && !Console.IsOutputRedirected;

    public FileSystem FileSystem => _fileSystem ??= connect(cli.Configuration);

    /// <summary>
    /// Standard output for a file's bytes, written as they are; a writer that is not the console (a test's) gets them
    /// decoded as UTF-8.
    /// </summary>
    public Stream OpenOutputStream()
    {
        if (!ReferenceEquals(cli.Out, Console.Out))
        {
            return new TextWriterStream(cli.Out);
        }

        cli.Out.Flush();
        return Console.OpenStandardOutput();
    }

    public void Dispose() => _fileSystem?.Dispose();
}

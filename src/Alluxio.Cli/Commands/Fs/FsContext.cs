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

    public FileSystem FileSystem => _fileSystem ??= connect(cli.Configuration);

    public void Dispose() => _fileSystem?.Dispose();
}

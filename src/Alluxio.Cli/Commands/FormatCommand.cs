using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using Alluxio.Configuration;
using Alluxio.IO;
using Alluxio.Journal;
using Alluxio.Worker.BlockStore;

namespace Alluxio.Cli.Commands;

/// <summary>
/// alluxio format [-s]: wipes the master's journal (alluxio.master.journal.folder) and creates an empty one that only
/// its owner can read; all metadata is lost, UFS data is never touched. It refuses while a master holds the journal.
/// With -s it formats only when the root UFS is a local folder that does not exist yet, and otherwise does nothing
/// and succeeds (a first-start guard for scripts). As in Alluxio, a bad command line prints the usage and exits 2,
/// a failure exits 255 (-1).
/// </summary>
internal static class FormatCommand
{
    public const string Usage = "Usage: alluxio format [-s]";

    /// <summary>Alluxio's bin/alluxio exits 2 on a bad format command line.</summary>
    public const int UsageExitCode = 2;

    private const string SafeFlag = "-s";

    public static Command Create(CliContext context)
    {
        var safe = new Option<bool>(SafeFlag)
        {
            Description = "Format only if the root UFS is local and does not exist yet; otherwise do nothing.",
        };
        var command = new Command("format", "Format the Alluxio master's journal: all metadata is lost, UFS data is kept.")
        {
            safe,
        };

        // Anything else is checked here rather than by the parser, so that every bad command line gets Alluxio's
        // usage line and exit code 2 instead of the parser's message and 1.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult =>
        {
            // Alluxio accepts exactly "format" or "format -s": no repeats, no -s=true.
            var given = parseResult.Tokens.SkipWhile(t => t.Type != TokenType.Command || t.Value != command.Name).Skip(1).ToList();
            if (given.Count > 1 || (given.Count == 1 && given[0].Value != SafeFlag))
            {
                context.Error.WriteLine(Usage);
                return UsageExitCode;
            }

            return Run(context, parseResult.GetValue(safe));
        });
        return command;
    }

    private static int Run(CliContext context, bool safe)
    {
        var configuration = context.Configuration;
        try
        {
            if (safe && !IsMissingLocalFolder(configuration.Get(PropertyKeys.MasterMountTableRootUfs)))
            {
                return ExitCodes.Success;
            }

            var journal = Path.GetFullPath(configuration.Get(PropertyKeys.MasterJournalFolder));
            JournalFolder.ThrowIfInUse(journal);

            // Workers first, as Alluxio's format does: each tier folder's alluxio.worker.data.folder is deleted and made
            // again, empty. Only the worker's own subfolder goes, never the tier folder itself (/dev/shm).
            context.Out.WriteLine($"Formatting Alluxio Worker @ {HostName()}");
            context.Out.WriteLine($"Formatting worker data folder: {configuration.Get(PropertyKeys.WorkerDataFolder)}");
            foreach (var tier in TieredStoreOptions.FromConfiguration(configuration).Tiers)
            {
                foreach (var dir in tier.Dirs)
                {
                    context.Out.WriteLine($"Formatting Data path for tier {tier.Ordinal}:{dir.DataPath}");
                    FormatWorkerFolder(dir.DataPath, configuration.Get(PropertyKeys.WorkerDataFolderPermissions));
                }
            }

            context.Out.WriteLine("Formatting complete");
            context.Out.WriteLine($"Formatting Alluxio Master @ {HostName()}");
            context.Out.WriteLine($"Formatting master journal: {journal}");
            JournalFolder.Format(journal);
            context.Out.WriteLine("Formatting complete");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is JournalException or ConfigurationException or IOException or UnauthorizedAccessException or FormatException)
        {
            var secrets = new KnownSecrets();
            secrets.AddFrom(configuration);
            context.Error.WriteLine($"Error: {secrets.Scrub(e.Message)}");
            return ExitCodes.Error;
        }
    }

    /// <summary>Deletes and recreates a worker's data folder with the configured permissions and the sticky bit.</summary>
    private static void FormatWorkerFolder(string dataPath, string permissions)
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }

        Directory.CreateDirectory(dataPath);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataPath, UnixModes.Parse(permissions) | UnixFileMode.StickyBit);
        }
    }

    /// <summary>True for a local path (a leading '/' or file://) that does not exist: what -s formats.</summary>
    private static bool IsMissingLocalFolder(string rootUfs)
    {
        string path;
        if (rootUfs.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = rootUfs["file://".Length..];
        }
        else if (rootUfs.StartsWith('/'))
        {
            path = rootUfs;
        }
        else
        {
            return false;
        }

        return !Path.Exists(path);
    }

    private static string HostName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}

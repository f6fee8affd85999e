using System.CommandLine;
using System.Globalization;
using System.Text;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>setReplication: the least and most cached copies of a file's blocks (or of every file below a directory with -R).</summary>
internal static class SetReplicationCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "setReplication",
            "setReplication [-R] [--max <num> | --min <num>] <path>",
            "Sets the minimum/maximum number of replicas for the file or directory at given path. Specify '-1' as the argument of "
            + "'--max' option to indicate no limit of the maximum number of replicas. If 'path' is a directory and '-R' is specified, "
            + "it will recursively set all files in this directory.",
            out var paths);
        var recursive = command.Flag("-R", "set replication recursively");
        var max = command.Value("--max", "the maximum number of replicas", "-max");
        var min = command.Value("--min", "the minimum number of replicas", "-min");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("setReplication", args, 1);
            var replicationMax = Number(parseResult.GetValue(max), "--max");
            var replicationMin = Number(parseResult.GetValue(min), "--min");
            var path = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.SetAttributeAsync(
                path,
                Options(replicationMax, replicationMin, parseResult.GetValue(recursive)),
                cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine(Message(path, replicationMax, replicationMin));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The attributes to set, after Alluxio's checks of the two limits.</summary>
    /// <exception cref="FsUsageException">Neither limit is given, or the maximum is below the minimum.</exception>
    public static SetAttributeOptions Options(int? replicationMax, int? replicationMin, bool recursive)
    {
        if (replicationMax is null && replicationMin is null)
        {
            throw new FsUsageException("At least one option of '--max' or '--min' must be specified");
        }

        if (replicationMax is >= 0 && replicationMin is { } least && replicationMax < least)
        {
            throw new FsUsageException("Invalid values for '--max' and '--min' options");
        }

        return new SetAttributeOptions { ReplicationMax = replicationMax, ReplicationMin = replicationMin, Recursive = recursive };
    }

    /// <summary>Alluxio's report: "Changed the replication level of &lt;path&gt;", then a line per limit set, then an empty line.</summary>
    public static string Message(string path, int? replicationMax, int? replicationMin)
    {
        var message = new StringBuilder().Append("Changed the replication level of ").Append(path).Append('\n');
        if (replicationMax is { } most)
        {
            message.Append(CultureInfo.InvariantCulture, $"replicationMax was set to {most}\n");
        }

        if (replicationMin is { } least)
        {
            message.Append(CultureInfo.InvariantCulture, $"replicationMin was set to {least}\n");
        }

        return message.ToString();
    }

    private static int? Number(string? value, string option) =>
        value is null ? null
        : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= -1 ? number
        : throw new FsUsageException($"{option} takes a number of replicas (-1 for no limit on --max), not {value}");
}

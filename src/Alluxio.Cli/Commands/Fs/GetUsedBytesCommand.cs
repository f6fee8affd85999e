using System.CommandLine;
using System.Globalization;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>getUsedBytes: the bytes the workers hold now.</summary>
internal static class GetUsedBytesCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create("getUsedBytes", "getUsedBytes", "Gets number of bytes used in the Alluxio file system.", out var arguments);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            FsVerb.RequireExactly("getUsedBytes", parseResult.Args(arguments), 0);
            var info = await context.FileSystem.GetBlockMasterInfoAsync(cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Used Bytes: {info.UsedBytes}"));
            return ExitCodes.Success;
        });
        return command;
    }
}

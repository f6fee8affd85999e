using System.CommandLine;
using System.Globalization;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>getCapacityBytes: the bytes all workers together can cache.</summary>
internal static class GetCapacityBytesCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create("getCapacityBytes", "getCapacityBytes", "Gets the capacity of the Alluxio file system.", out var arguments);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            FsVerb.RequireExactly("getCapacityBytes", parseResult.Args(arguments), 0);
            var info = await context.FileSystem.GetBlockMasterInfoAsync(cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Capacity Bytes: {info.CapacityBytes}"));
            return ExitCodes.Success;
        });
        return command;
    }
}

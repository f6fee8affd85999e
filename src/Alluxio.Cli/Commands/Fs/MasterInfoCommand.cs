using System.CommandLine;
using System.Globalization;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>masterInfo: the leader master and all masters.</summary>
internal static class MasterInfoCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "masterInfo",
            "masterInfo",
            "Prints information regarding master fault tolerance such as leader address and list of master addresses.",
            out var arguments);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            FsVerb.RequireExactly("masterInfo", parseResult.Args(arguments), 0);
            try
            {
                var info = await context.FileSystem.GetMasterInfoAsync(cancellationToken).ConfigureAwait(false);
                context.Out.WriteLine($"Current leader master: {info.LeaderMasterAddress}");
                var masters = info.MasterAddresses.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Host}:{a.RpcPort}"));
                context.Out.WriteLine($"All masters: [{string.Join(", ", masters)}]");
            }
            catch (AlluxioException e) when (e.ErrorType == ErrorType.Unavailable)
            {
                context.Out.WriteLine("Failed to find leader master");
                context.Out.WriteLine("Failed to find all master addresses");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

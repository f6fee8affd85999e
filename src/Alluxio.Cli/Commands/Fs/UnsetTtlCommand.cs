using System.CommandLine;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>unsetTtl: removes a path's time to live.</summary>
internal static class UnsetTtlCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create("unsetTtl", "unsetTtl <path>", "Unsets the TTL value for the given path.", out var arguments);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(arguments);
            FsVerb.RequireExactly("unsetTtl", args, 1);
            var path = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.SetAttributeAsync(path, new SetAttributeOptions { Ttl = TimeSpan.FromMilliseconds(-1) }, cancellationToken)
                .ConfigureAwait(false);
            context.Out.WriteLine($"TTL of file '{path}' was successfully removed.");
            return ExitCodes.Success;
        });
        return command;
    }
}

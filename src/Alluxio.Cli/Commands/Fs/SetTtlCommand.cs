using System.CommandLine;
using System.Globalization;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Configuration;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>setTtl: gives a path a time to live and the action taken when it ends (DELETE by default, or FREE).</summary>
internal static class SetTtlCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "setTtl",
            "setTtl [--action delete|free] <path> <time to live>",
            "Sets a new TTL value for the file at path, performing an action, delete(default)/free after TTL expiry. The TTL to set can "
            + "be in one of the unit: ms, millisecond, s, second, m, min, minute, h, hour, d, day, default to ms",
            out var arguments);
        var action = command.Value("--action", "Action to take after TTL expiry. Delete (default) or free the target");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(arguments);
            FsVerb.RequireExactly("setTtl", args, 2);
            var ttlAction = parseResult.GetValue(action)?.ToUpperInvariant() switch
            {
                null or "DELETE" => TtlAction.Delete,
                "FREE" => TtlAction.Free,
                _ => throw new FsUsageException($"TTL action should be DELETE OR FREE, not {parseResult.GetValue(action)}"),
            };
            var ttlText = args[1].Trim('"', '\'');
            if (!DurationFormat.TryParse(ttlText, out var ttl) || ttl < TimeSpan.Zero)
            {
                throw new FsUsageException($"{ttlText} is not a valid time to live; give a number with an optional unit (ms, s, m, h, d)");
            }

            var path = AlluxioPath.Resolve(args[0]);
            await context.FileSystem.SetAttributeAsync(path, new SetAttributeOptions { Ttl = ttl, TtlAction = ttlAction }, cancellationToken)
                .ConfigureAwait(false);
            var milliseconds = ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            context.Out.WriteLine(
                $"TTL of path '{path}' was successfully set to {milliseconds} milliseconds, with expiry action set to {Name(ttlAction)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>DELETE or FREE, as Alluxio prints the action.</summary>
    public static string Name(TtlAction action) => action == TtlAction.Free ? "FREE" : "DELETE";
}

using System.CommandLine;
using System.Reflection;

namespace Alluxio.Cli.Commands;

/// <summary>alluxio version: prints the Alluxio version this build is compatible with.</summary>
internal static class VersionCommand
{
    public static string Version { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "unknown";

    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Print the Alluxio version.");
        command.SetAction(_ =>
        {
            context.Out.WriteLine($"Alluxio version: {Version}");
            return ExitCodes.Success;
        });
        return command;
    }
}
